// One-off tasks on recorded RunTask / DescribeTasks answers: moto's containers always exit 0, so
// the failing-container verdict is tested here, in the shapes ECS answers with.
import { DescribeTasksCommand, ECSClient, RunTaskCommand, type Task } from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import {
  awslogsStreamOf,
  containerFailures,
  formatContainerFailure,
  runTasks,
  waitForTasksStopped,
} from "./run-task.js";
import type { Clock } from "./watch.js";

const ecs = mockClient(ECSClient);
const client = new ECSClient({ region: "us-east-1" });
const TASK = "arn:aws:ecs:us-east-1:123456789012:task/prod/0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c";
const definitions = [
  { name: "migrate", essential: true },
  { name: "log-router", essential: false },
];

function stopped(containers: Task["containers"], stoppedReason = "Essential container in task exited"): Task {
  return { taskArn: TASK, lastStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason, containers };
}

/** A clock that moves on by the time slept, so waiting costs nothing. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

beforeEach(() => ecs.reset());

describe("runTasks", () => {
  it("names each failure RunTask gives", async () => {
    ecs
      .on(RunTaskCommand)
      .resolves({
        tasks: [],
        failures: [{ arn: "arn:aws:ecs:us-east-1:1:container-instance/x", reason: "RESOURCE:MEMORY" }],
      });
    await expect(runTasks(client, { cluster: "prod", taskDefinition: "migrate:3" })).rejects.toThrow(
      "RunTask started no task: arn:aws:ecs:us-east-1:1:container-instance/x: RESOURCE:MEMORY",
    );
  });
});

describe("waitForTasksStopped", () => {
  it("polls until every task is STOPPED, reporting each change of status", async () => {
    ecs
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [{ taskArn: TASK, lastStatus: "PROVISIONING" }] })
      .resolvesOnce({ tasks: [{ taskArn: TASK, lastStatus: "RUNNING" }] })
      .resolvesOnce({ tasks: [{ taskArn: TASK, lastStatus: "RUNNING" }] })
      .resolves({ tasks: [stopped([{ name: "migrate", exitCode: 0 }])] });
    const lines: string[] = [];
    const clock = fakeClock();
    const tasks = await waitForTasksStopped(client, {
      cluster: "prod",
      taskArns: [TASK],
      timeoutMs: 600_000,
      maxPollIntervalMs: 6_000,
      clock,
      onProgress: (line) => lines.push(line),
    });
    expect(tasks[0]?.lastStatus).toBe("STOPPED");
    expect(lines).toEqual([
      "task 0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c: PROVISIONING",
      "task 0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c: RUNNING",
      "task 0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c: STOPPED",
    ]);
    expect(clock.slept).toEqual([5_000, 6_000, 6_000]);
  });

  it("gives up at the timeout, naming the tasks still running", async () => {
    ecs.on(DescribeTasksCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: "RUNNING" }] });
    await expect(
      waitForTasksStopped(client, { cluster: "prod", taskArns: [TASK], timeoutMs: 60_000, clock: fakeClock() }),
    ).rejects.toThrow(
      "timed out after 1 minutes waiting for the task to stop; still running: 0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c",
    );
  });
});

describe("containerFailures", () => {
  it.each<[string, Task["containers"], string[]]>([
    ["every container exited 0", [{ name: "migrate", exitCode: 0 }], []],
    [
      "an essential container exited non-zero",
      [{ name: "migrate", exitCode: 3, reason: undefined }],
      [
        "task 0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c: container migrate exited with code 3 (Essential container in task exited)",
      ],
    ],
    [
      "a container never ran",
      [{ name: "migrate", reason: "CannotPullContainerError: pull access denied" }],
      [
        "task 0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c: container migrate did not run (CannotPullContainerError: pull access denied; Essential container in task exited)",
      ],
    ],
  ])("%s", (_name, containers, expected) => {
    expect(containerFailures([stopped(containers)], definitions).map(formatContainerFailure)).toEqual(expected);
  });

  it("marks a non-essential container's failure as such", () => {
    const [failure] = containerFailures([stopped([{ name: "log-router", exitCode: 1 }])], definitions);
    expect(failure).toMatchObject({ container: "log-router", exitCode: 1, essential: false });
  });
});

describe("awslogsStreamOf", () => {
  it("names the stream prefix/container/task-id of an awslogs container", () => {
    const definition = {
      name: "migrate",
      logConfiguration: {
        logDriver: "awslogs" as const,
        options: { "awslogs-group": "/ecs/migrate", "awslogs-stream-prefix": "ecs", "awslogs-region": "eu-west-1" },
      },
    };
    expect(awslogsStreamOf(definition, TASK)).toEqual({
      group: "/ecs/migrate",
      stream: "ecs/migrate/0f8a6b1c2d3e4f5a6b7c8d9e0f1a2b3c",
      region: "eu-west-1",
    });
    expect(awslogsStreamOf({ name: "migrate" }, TASK)).toBeUndefined();
  });
});
