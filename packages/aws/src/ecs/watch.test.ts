// The watch loop on recorded DescribeServices / ListTasks / DescribeTasks answers, in the shapes
// and wording ECS uses. moto does not simulate rollouts, so these sequences are the rollout tests.
import {
  AccessDeniedException,
  type Deployment,
  DescribeServicesCommand,
  type DescribeServicesCommandOutput,
  DescribeTasksCommand,
  ECSClient,
  ECSServiceException,
  ListTasksCommand,
  type ServiceEvent,
} from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { type Clock, watchRollout } from "./watch.js";

const ecs = mockClient(ECSClient);
const client = new ECSClient({ region: "us-east-1" });
const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;
const OURS = "ecs-svc/5417291530941138771";
const PREVIOUS = "ecs-svc/0911475293848671134";
const ROLLBACK = "ecs-svc/7720943196203859912";

function deployment(fields: Partial<Deployment>): Deployment {
  return {
    id: OURS,
    status: "PRIMARY",
    taskDefinition: arn(5),
    desiredCount: 2,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    rolloutState: "IN_PROGRESS",
    rolloutStateReason: `ECS deployment ${OURS} in progress.`,
    ...fields,
  };
}

let eventNumber = 0;
/** ECS lists events newest first; `events` here are given oldest first, as they happened. */
function answer(deployments: Deployment[], events: string[] = []): DescribeServicesCommandOutput {
  const recorded: ServiceEvent[] = events.map((message) => ({
    id: `event-${++eventNumber}`,
    message,
    createdAt: new Date(),
  }));
  history.unshift(...recorded.reverse());
  return {
    $metadata: {},
    services: [{ serviceName: "web", status: "ACTIVE", desiredCount: 2, deployments, events: [...history] }],
  };
}
let history: ServiceEvent[] = [];

function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };
  return { sleeps, now: () => now, sleep };
}

async function watch(timeoutMs = 30 * 60_000) {
  const clock = fakeClock();
  const lines: string[] = [];
  const result = await watchRollout(client, {
    cluster: "prod",
    service: "web",
    deploymentId: OURS,
    taskDefinitionArn: arn(5),
    timeoutMs,
    clock,
    onProgress: (line) => lines.push(line),
  });
  return { result, lines, sleeps: clock.sleeps };
}

beforeEach(() => {
  ecs.reset();
  history = [];
  eventNumber = 0;
});

describe("watchRollout", () => {
  it("follows a rollout to COMPLETED, with progress lines, new events and a growing poll interval", async () => {
    const old = deployment({
      id: PREVIOUS,
      status: "ACTIVE",
      taskDefinition: arn(4),
      runningCount: 2,
      rolloutState: "COMPLETED",
    });
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(
        answer([deployment({ pendingCount: 2 }), old], ["(service web) has started 2 tasks: (task 1f2e) (task 3c4d)."]),
      )
      .resolvesOnce(answer([deployment({ runningCount: 1, pendingCount: 1 }), old]))
      .resolvesOnce(answer([deployment({ runningCount: 1, pendingCount: 1 }), old]))
      .resolvesOnce(
        answer(
          [
            deployment({
              runningCount: 2,
              rolloutState: "COMPLETED",
              rolloutStateReason: `ECS deployment ${OURS} completed.`,
            }),
          ],
          [
            "(service web) has stopped 2 running tasks: (task 9a8b) (task 7c6d).",
            `(service web) deployment ${OURS} deployment completed.`,
            "(service web) has reached a steady state.",
          ],
        ),
      );
    const { result, lines, sleeps } = await watch();
    expect(result).toMatchObject({
      state: "COMPLETED",
      message: `deployment ${OURS} completed: 2/2 tasks running`,
      retriedErrors: 0,
    });
    expect(lines).toEqual([
      "event: (service web) has started 2 tasks: (task 1f2e) (task 3c4d).",
      `${OURS} IN_PROGRESS: 0/2 running, 2 pending, 0 failed`,
      `${OURS} IN_PROGRESS: 1/2 running, 1 pending, 0 failed`,
      "event: (service web) has stopped 2 running tasks: (task 9a8b) (task 7c6d).",
      `event: (service web) deployment ${OURS} deployment completed.`,
      "event: (service web) has reached a steady state.",
      `${OURS} COMPLETED: 2/2 running, 0 pending, 0 failed`,
    ]);
    expect(result.events).toHaveLength(4);
    expect(sleeps).toEqual([5_000, 5_000, 7_500]);
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(0);
  });

  it("reports FAILED with the stopped reasons when the circuit breaker trips, even though ECS rolled back", async () => {
    const rollback = deployment({
      id: ROLLBACK,
      taskDefinition: arn(4),
      runningCount: 0,
      pendingCount: 2,
      rolloutStateReason: `ECS deployment ${ROLLBACK} in progress.`,
    });
    const failed = deployment({
      status: "ACTIVE",
      failedTasks: 3,
      rolloutState: "FAILED",
      rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
    });
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(answer([deployment({ pendingCount: 2 })]))
      .resolvesOnce(
        answer(
          [deployment({ pendingCount: 2, failedTasks: 2 })],
          ["(service web) has started 2 tasks: (task aaa1) (task bbb2)."],
        ),
      )
      .resolvesOnce(
        answer(
          [rollback, failed],
          [
            `(service web) deployment ${OURS} deployment failed: tasks failed to start.`,
            `(service web) rolling back to deployment ${PREVIOUS}.`,
          ],
        ),
      );
    ecs.on(ListTasksCommand).resolves({
      taskArns: [
        "arn:aws:ecs:us-east-1:123456789012:task/prod/aaa1",
        "arn:aws:ecs:us-east-1:123456789012:task/prod/bbb2",
        "arn:aws:ecs:us-east-1:123456789012:task/prod/old1",
      ],
    });
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/aaa1",
          startedBy: OURS,
          stopCode: "TaskFailedToStart",
          stoppedReason:
            "CannotPullContainerError: pull image manifest has been retried 5 time(s): repo/web:5: not found",
          stoppedAt: new Date("2025-03-01T10:01:00Z"),
          containers: [{ name: "app" }],
        },
        {
          taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/bbb2",
          startedBy: OURS,
          stopCode: "EssentialContainerExited",
          stoppedReason: "Essential container in task exited",
          stoppedAt: new Date("2025-03-01T10:02:00Z"),
          containers: [{ name: "app", exitCode: 1, reason: "OutOfMemoryError: Container killed due to memory usage" }],
        },
        {
          taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/old1",
          startedBy: PREVIOUS,
          stoppedReason: "Scaling activity initiated by deployment",
        },
      ],
    });

    const { result, lines } = await watch();
    expect(result.state).toBe("FAILED");
    expect(result.snapshot).toMatchObject({
      primaryIsOurs: false,
      replacedBy: { id: ROLLBACK, taskDefinition: arn(4) },
    });
    expect(result.message).toBe(
      `deployment ${OURS} failed: ECS deployment circuit breaker: tasks failed to start. deployment ${OURS} is no longer PRIMARY: ${ROLLBACK} (${arn(4)}) replaced it, so the service did not get ${arn(5)}`,
    );
    expect(result.stoppedTasks.map((task) => task.taskId)).toEqual(["aaa1", "bbb2"]);
    expect(lines).toContain(
      "task aaa1 stopped (TaskFailedToStart): CannotPullContainerError: pull image manifest has been retried 5 time(s): repo/web:5: not found",
    );
    expect(lines).toContain(
      "task bbb2 stopped (EssentialContainerExited): Essential container in task exited; app exit 1: OutOfMemoryError: Container killed due to memory usage",
    );
    expect(lines).toContain(`event: (service web) rolling back to deployment ${PREVIOUS}.`);
    expect(ecs.commandCalls(ListTasksCommand)[0]!.args[0].input).toEqual({
      cluster: "prod",
      family: "web",
      desiredStatus: "STOPPED",
      maxResults: 100,
    });
    // Stopped tasks are read when the failed count rises (0 -> 2 -> 3), not on every poll.
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(2);
  });

  it("reports FAILED when our deployment is gone and an older one is PRIMARY again", async () => {
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(answer([deployment({ pendingCount: 2 })]))
      .resolvesOnce(
        answer([deployment({ id: ROLLBACK, taskDefinition: arn(4), runningCount: 2, rolloutState: "COMPLETED" })]),
      );
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });
    const { result } = await watch();
    expect(result.state).toBe("FAILED");
    expect(result.message).toContain(`deployment ${OURS} is no longer PRIMARY: ${ROLLBACK} (${arn(4)}) replaced it`);
  });

  it("gives up at the timeout with where the deployment stands", async () => {
    ecs
      .on(DescribeServicesCommand)
      .resolves(answer([deployment({ runningCount: 1, pendingCount: 1, failedTasks: 0 })]));
    const { result, sleeps } = await watch(60_000);
    expect(result.state).toBe("TIMED_OUT");
    expect(result.message).toBe(
      `gave up waiting for deployment ${OURS} after 1 minute: it is still IN_PROGRESS with 1/2 tasks running, 1 pending, 0 failed. ECS goes on with the deployment; look at the service's events, or raise timeout-minutes`,
    );
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(60_000);
    // The interval grows by half while nothing changes; the last wait ends at the deadline.
    expect(sleeps).toEqual([5_000, 7_500, 11_250, 16_875, 19_375]);
  });

  it("waits out throttling and network errors in the middle", async () => {
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(answer([deployment({ pendingCount: 2 })]))
      // How the SDK surfaces an error ECS does not model: a service exception named after its code.
      .rejectsOnce(
        new ECSServiceException({
          name: "ThrottlingException",
          $fault: "client",
          message: "Rate exceeded",
          $metadata: { httpStatusCode: 400 },
        }),
      )
      .rejectsOnce(reset)
      .resolvesOnce(answer([deployment({ runningCount: 2, rolloutState: "COMPLETED" })]));
    const { result, lines, sleeps } = await watch();
    expect(result).toMatchObject({ state: "COMPLETED", retriedErrors: 2 });
    expect(lines).toContain("DescribeServices failed (ThrottlingException: Rate exceeded); trying again in 10 s");
    expect(lines).toContain("DescribeServices failed (ECONNRESET: read ECONNRESET); trying again in 20 s");
    expect(sleeps).toEqual([5_000, 10_000, 20_000]);
  });

  it("stops at once when the step is cancelled, with the signal's reason", async () => {
    ecs.on(DescribeServicesCommand).resolves(answer([deployment({ pendingCount: 2 })]));
    const cancel = new AbortController();
    const watching = watchRollout(client, {
      cluster: "prod",
      service: "web",
      deploymentId: OURS,
      taskDefinitionArn: arn(5),
      timeoutMs: 30 * 60_000,
      clock: fakeClock(),
      signal: cancel.signal,
      onProgress: () => cancel.abort(new Error("cancelled")),
    });
    await expect(watching).rejects.toThrow("cancelled");
    expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(1);
  });

  it("stops on an error that waiting does not fix", async () => {
    ecs.on(DescribeServicesCommand).rejects(
      new AccessDeniedException({
        message: "not authorized to perform: ecs:DescribeServices",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(watch()).rejects.toThrow("not authorized to perform: ecs:DescribeServices");
  });

  it("counts a service without rolloutState (Classic Load Balancer) as done once it is steady", async () => {
    const noState = { rolloutState: undefined, rolloutStateReason: undefined };
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(
        answer([
          deployment({ ...noState, runningCount: 2 }),
          deployment({ id: PREVIOUS, status: "ACTIVE", runningCount: 1 }),
        ]),
      )
      .resolvesOnce(answer([deployment({ ...noState, runningCount: 2 })]));
    const { result } = await watch();
    expect(result).toMatchObject({ state: "COMPLETED", snapshot: { reason: "the service reached a steady state" } });
  });
});
