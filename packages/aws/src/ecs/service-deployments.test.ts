// The service-deployment watch on scripted ECS answers (moto does not serve this API). Shapes and
// behaviour from the API Reference and the Developer Guide:
// - ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment, ContinueServiceDeployment:
//   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListServiceDeployments.html (and API_<Name>.html)
// - ServiceDeployment (status, lifecycleStage, rollback, alarms, targetServiceRevision):
//   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html
// - lifecycle stages and hooks: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html
// - PAUSE hooks wait for ContinueServiceDeployment with the hookId from DescribeServiceDeployments:
//   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/pause-lifecycle-hooks.html,
//   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/continue-service-deployment.html
// - StopServiceDeployment ROLLBACK moves a PENDING/IN_PROGRESS deployment to ROLLBACK_REQUESTED:
//   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stop-service-deployment.html
import {
  AccessDeniedException,
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  ECSServiceException,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
} from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import {
  CANARY_TO_SUCCESS,
  describeAnswer,
  listAnswer,
  PREVIOUS_BRIEF,
  pauseHook,
  SCRIPTED_DEPLOYMENT_ARN as ARN,
  SCRIPTED_PAUSE_HOOK_ID,
  type ScriptedStage,
  STARTED_BRIEF,
} from "./service-deployment-script.js";
import {
  findPausedDeployment,
  findStartedServiceDeployment,
  resolvePausedDeployment,
  stopServiceDeploymentWithRollback,
  watchServiceDeployment,
} from "./service-deployments.js";
import type { Clock } from "./watch.js";

const ecs = mockClient(ECSClient);
const client = new ECSClient({ region: "us-east-1" });
const ref = { cluster: "prod", service: "web" };

function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Answers DescribeServiceDeployments with `steps` in order, the last one from then on. */
function script(steps: (ScriptedStage | Error)[]): void {
  let chain = ecs.on(DescribeServiceDeploymentsCommand);
  for (const step of steps)
    chain = step instanceof Error ? chain.rejectsOnce(step) : chain.resolvesOnce(describeAnswer(step));
  const last = steps[steps.length - 1]!;
  if (!(last instanceof Error)) chain.resolves(describeAnswer(last));
}

async function watch(waitUntil = "stable", options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  const clock = fakeClock();
  const lines: string[] = [];
  const result = await watchServiceDeployment(client, {
    serviceDeploymentArn: ARN,
    waitUntil,
    timeoutMs: options.timeoutMs ?? 60 * 60_000,
    clock,
    onProgress: (line) => lines.push(line),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { result, lines, sleeps: clock.sleeps };
}

const throttled = () =>
  new ECSServiceException({
    name: "ThrottlingException",
    $fault: "client",
    message: "Rate exceeded",
    $metadata: { httpStatusCode: 400 },
  });

beforeEach(() => {
  ecs.reset();
});

describe("watchServiceDeployment", () => {
  it("follows a canary to SUCCESSFUL, a line per change and a row per stage visited", async () => {
    script(CANARY_TO_SUCCESS);
    const { result, lines, sleeps } = await watch();
    expect(result).toMatchObject({ state: "COMPLETED", retriedErrors: 0 });
    expect(result.message).toBe(`service deployment ${ARN} completed (SUCCESSFUL)`);
    expect(lines).toEqual([
      "PENDING at (no stage yet): 0% of production traffic on the new revision",
      "IN_PROGRESS at PRE_SCALE_UP: 0% of production traffic on the new revision",
      "IN_PROGRESS at SCALE_UP: 0% of production traffic on the new revision",
      "IN_PROGRESS at POST_SCALE_UP: 0% of production traffic on the new revision",
      "IN_PROGRESS at TEST_TRAFFIC_SHIFT: 0% of production traffic on the new revision, 100% of test traffic",
      "IN_PROGRESS at POST_TEST_TRAFFIC_SHIFT: 0% of production traffic on the new revision, 100% of test traffic",
      "IN_PROGRESS at PRE_PRODUCTION_TRAFFIC_SHIFT: 0% of production traffic on the new revision, 100% of test traffic",
      "IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT: 10% of production traffic on the new revision, 100% of test traffic",
      "IN_PROGRESS at PRE_PRODUCTION_TRAFFIC_SHIFT: 10% of production traffic on the new revision, 100% of test traffic",
      "IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT: 100% of production traffic on the new revision",
      "IN_PROGRESS at POST_PRODUCTION_TRAFFIC_SHIFT: 100% of production traffic on the new revision",
      "IN_PROGRESS at BAKE_TIME: 100% of production traffic on the new revision",
      "IN_PROGRESS at CLEAN_UP: 100% of production traffic on the new revision",
      "SUCCESSFUL at CLEAN_UP: 100% of production traffic on the new revision",
    ]);
    expect(result.stages.map((visit) => [visit.stage, visit.productionPercent])).toEqual([
      ["PRE_SCALE_UP", 0],
      ["SCALE_UP", 0],
      ["POST_SCALE_UP", 0],
      ["TEST_TRAFFIC_SHIFT", 0],
      ["POST_TEST_TRAFFIC_SHIFT", 0],
      ["PRE_PRODUCTION_TRAFFIC_SHIFT", 0],
      ["PRODUCTION_TRAFFIC_SHIFT", 10],
      ["PRE_PRODUCTION_TRAFFIC_SHIFT", 10],
      ["PRODUCTION_TRAFFIC_SHIFT", 100],
      ["POST_PRODUCTION_TRAFFIC_SHIFT", 100],
      ["BAKE_TIME", 100],
      ["CLEAN_UP", 100],
    ]);
    // Polls 5 s apart while something changes; an unchanged answer stretches the next wait by half.
    expect(sleeps.slice(0, 4)).toEqual([5_000, 5_000, 5_000, 7_500]);
    expect(result.stages[1]!.enteredAt.getTime()).toBe(10_000);
  });

  it.each([
    ["TEST_TRAFFIC_SHIFT", "TEST_TRAFFIC_SHIFT", 0],
    ["BAKE_TIME", "BAKE_TIME", 100],
    ["PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", 10],
  ])("stops with success once the deployment reaches wait-until %s", async (waitUntil, stage, percent) => {
    script(CANARY_TO_SUCCESS);
    const { result } = await watch(waitUntil);
    expect(result.state).toBe("STAGE_REACHED");
    expect(result.snapshot).toMatchObject({ lifecycleStage: stage, productionPercent: percent, status: "IN_PROGRESS" });
    expect(result.message).toBe(
      `service deployment ${ARN} reached ${stage} (wait-until ${waitUntil}); ECS carries on with it`,
    );
    expect(ecs.commandCalls(StopServiceDeploymentCommand)).toHaveLength(0);
  });

  it("counts a stage passed between two polls as reached", async () => {
    script([
      { stage: "PRODUCTION_TRAFFIC_SHIFT", production: 100 },
      { stage: "CLEAN_UP", production: 100 },
    ]);
    const { result } = await watch("BAKE_TIME");
    expect(result).toMatchObject({ state: "STAGE_REACHED", snapshot: { lifecycleStage: "CLEAN_UP" } });
  });

  it("fails when a Lambda hook fails and ECS rolls back", async () => {
    const lambda = (status: "IN_PROGRESS" | "FAILED") => [
      {
        hookId: "ecs-lambda-Qw3rTy",
        targetType: "AWS_LAMBDA" as const,
        targetArn: "arn:aws:lambda:us-east-1:123456789012:function:web-smoke-test",
        status,
      },
    ];
    script([
      { stage: "POST_SCALE_UP" },
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: lambda("IN_PROGRESS") },
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: lambda("FAILED") },
      {
        status: "ROLLBACK_IN_PROGRESS",
        stage: "POST_TEST_TRAFFIC_SHIFT",
        test: 100,
        hooks: lambda("FAILED"),
        fields: {
          statusReason: "Lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT.",
          rollback: { reason: "Lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT.", startedAt: new Date() },
        },
      },
    ]);
    const { result, lines } = await watch();
    expect(result.state).toBe("FAILED");
    expect(result.message).toBe(
      `service deployment ${ARN} ended ROLLBACK_IN_PROGRESS: Lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT.; AWS_LAMBDA hook FAILED`,
    );
    expect(lines).toContain(
      "IN_PROGRESS at POST_TEST_TRAFFIC_SHIFT: 0% of production traffic on the new revision, 100% of test traffic; AWS_LAMBDA hook FAILED",
    );
    expect(result.stages.at(-1)!.hooks).toEqual([
      { hookId: "ecs-lambda-Qw3rTy", targetType: "AWS_LAMBDA", statuses: ["IN_PROGRESS", "FAILED"] },
    ]);
  });

  it("fails when an alarm goes into ALARM during the canary, even though ECS rolled back", async () => {
    const alarm = {
      fields: {
        statusReason: "CloudWatch alarm web-5xx is in ALARM state.",
        rollback: { reason: "Rollback started by CloudWatch alarms.", startedAt: new Date() },
        alarms: { status: "TRIGGERED" as const, alarmNames: ["web-5xx"], triggeredAlarmNames: ["web-5xx"] },
      },
    };
    script([
      { stage: "PRODUCTION_TRAFFIC_SHIFT", test: 100, production: 10 },
      { status: "ROLLBACK_REQUESTED", stage: "PRODUCTION_TRAFFIC_SHIFT", production: 10, ...alarm },
      { status: "ROLLBACK_SUCCESSFUL", stage: "PRODUCTION_TRAFFIC_SHIFT", production: 0, ...alarm },
    ]);
    const { result } = await watch("BAKE_TIME");
    expect(result).toMatchObject({ state: "FAILED", snapshot: { status: "ROLLBACK_REQUESTED" } });
    expect(result.message).toBe(
      `service deployment ${ARN} ended ROLLBACK_REQUESTED: CloudWatch alarm web-5xx is in ALARM state.; rollback: Rollback started by CloudWatch alarms.; alarms in ALARM: web-5xx`,
    );
  });

  it("waits at a PAUSE hook, saying how to continue, and goes on once it is continued", async () => {
    script([
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("AWAITING_ACTION") },
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("AWAITING_ACTION") },
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("SUCCEEDED") },
      ...CANARY_TO_SUCCESS.slice(7),
    ]);
    const { result, lines } = await watch();
    expect(result.state).toBe("COMPLETED");
    expect(lines[0]).toBe(
      "IN_PROGRESS at POST_TEST_TRAFFIC_SHIFT: 0% of production traffic on the new revision, 100% of test traffic; PAUSE hook AWAITING_ACTION (waiting for ContinueServiceDeployment: the ecs-deployment-control action continues or rolls it back; at 2026-01-15T12:00:00.000Z ECS will roll back)",
    );
    expect(result.stages[0]!.hooks).toEqual([
      { hookId: SCRIPTED_PAUSE_HOOK_ID, targetType: "PAUSE", statuses: ["AWAITING_ACTION", "SUCCEEDED"] },
    ]);
  });

  it("returns CANCELLED mid-shift when the step is cancelled, without waiting out the poll", async () => {
    script(CANARY_TO_SUCCESS);
    const controller = new AbortController();
    const clock = fakeClock();
    const lines: string[] = [];
    const result = await watchServiceDeployment(client, {
      serviceDeploymentArn: ARN,
      waitUntil: "stable",
      timeoutMs: 60 * 60_000,
      clock,
      signal: controller.signal,
      onProgress: (line) => {
        lines.push(line);
        if (line.includes("10% of production traffic")) controller.abort();
      },
    });
    expect(result).toMatchObject({
      state: "CANCELLED",
      snapshot: { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", productionPercent: 10 },
    });
    expect(result.message).toBe(
      `the step was cancelled while service deployment ${ARN} was IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT`,
    );
  });

  it("waits out throttling with a growing backoff", async () => {
    script([throttled(), throttled(), ...CANARY_TO_SUCCESS.slice(-1)]);
    const { result, lines, sleeps } = await watch();
    expect(result).toMatchObject({ state: "COMPLETED", retriedErrors: 2 });
    expect(lines[0]).toBe(
      "DescribeServiceDeployments failed (ThrottlingException: Rate exceeded); trying again in 10 s",
    );
    expect(sleeps).toEqual([10_000, 20_000]);
  });

  it("gives up at the timeout and says where the deployment is", async () => {
    script([{ stage: "BAKE_TIME", production: 100 }]);
    const { result } = await watch("stable", { timeoutMs: 60_000 });
    expect(result.state).toBe("TIMED_OUT");
    expect(result.message).toBe(
      `gave up waiting for service deployment ${ARN} after 1 minute: it is IN_PROGRESS at BAKE_TIME`,
    );
  });

  it("stops on an error that waiting does not fix", async () => {
    ecs
      .on(DescribeServiceDeploymentsCommand)
      .rejects(new AccessDeniedException({ message: "not authorized: ecs:DescribeServiceDeployments", $metadata: {} }));
    await expect(watch()).rejects.toThrow("not authorized");
  });
});

describe("findStartedServiceDeployment", () => {
  it("takes the deployment that was not listed before the update, once ECS lists it", async () => {
    ecs
      .on(ListServiceDeploymentsCommand)
      .resolvesOnce(listAnswer(PREVIOUS_BRIEF))
      .rejectsOnce(throttled())
      .resolves(listAnswer(STARTED_BRIEF, PREVIOUS_BRIEF));
    const clock = fakeClock();
    const found = await findStartedServiceDeployment(client, ref, {
      knownArns: new Set([PREVIOUS_BRIEF.serviceDeploymentArn!]),
      attempts: 5,
      clock,
    });
    expect(found?.serviceDeploymentArn).toBe(ARN);
    expect(clock.sleeps).toEqual([5_000, 10_000]);
    expect(ecs.commandCalls(ListServiceDeploymentsCommand)[0]!.args[0].input).toEqual({
      cluster: "prod",
      service: "web",
      maxResults: 100,
    });
  });

  it("gives up after its attempts when nothing new appears", async () => {
    ecs.on(ListServiceDeploymentsCommand).resolves(listAnswer(PREVIOUS_BRIEF));
    const found = await findStartedServiceDeployment(client, ref, {
      knownArns: new Set([PREVIOUS_BRIEF.serviceDeploymentArn!]),
      attempts: 3,
      clock: fakeClock(),
    });
    expect(found).toBeUndefined();
    expect(ecs.commandCalls(ListServiceDeploymentsCommand)).toHaveLength(3);
  });
});

describe("paused deployments", () => {
  it("finds the IN_PROGRESS deployment waiting at a PAUSE hook and continues it with its hookId", async () => {
    ecs.on(ListServiceDeploymentsCommand).resolves(listAnswer({ ...STARTED_BRIEF, status: "IN_PROGRESS" }));
    ecs
      .on(DescribeServiceDeploymentsCommand)
      .resolves(describeAnswer({ stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("AWAITING_ACTION") }));
    ecs.on(ContinueServiceDeploymentCommand).resolves({ $metadata: {}, serviceDeploymentArn: ARN });
    const paused = await findPausedDeployment(client, ref);
    expect(paused).toMatchObject({
      snapshot: { serviceDeploymentArn: ARN, lifecycleStage: "POST_TEST_TRAFFIC_SHIFT" },
      hook: { hookId: SCRIPTED_PAUSE_HOOK_ID, status: "AWAITING_ACTION" },
    });
    expect(ecs.commandCalls(ListServiceDeploymentsCommand)[0]!.args[0].input.status).toEqual(["IN_PROGRESS"]);
    await resolvePausedDeployment(client, paused!, "CONTINUE");
    expect(ecs.commandCalls(ContinueServiceDeploymentCommand)[0]!.args[0].input).toEqual({
      serviceDeploymentArn: ARN,
      hookId: SCRIPTED_PAUSE_HOOK_ID,
      action: "CONTINUE",
    });
  });

  it("finds none when the deployment runs a Lambda hook, or its pause is over", async () => {
    ecs.on(ListServiceDeploymentsCommand).resolves(listAnswer({ ...STARTED_BRIEF, status: "IN_PROGRESS" }));
    ecs
      .on(DescribeServiceDeploymentsCommand)
      .resolves(describeAnswer({ stage: "POST_TEST_TRAFFIC_SHIFT", hooks: pauseHook("SUCCEEDED") }));
    expect(await findPausedDeployment(client, ref)).toBeUndefined();
  });

  it("stops a deployment with rollback", async () => {
    ecs.on(StopServiceDeploymentCommand).resolves({ $metadata: {}, serviceDeploymentArn: ARN });
    await stopServiceDeploymentWithRollback(client, ARN);
    expect(ecs.commandCalls(StopServiceDeploymentCommand)[0]!.args[0].input).toEqual({
      serviceDeploymentArn: ARN,
      stopType: "ROLLBACK",
    });
  });
});
