// The step end to end on a canary service, with ECS scripted (moto does not serve the
// service-deployment API; the scripted answers follow the API Reference's shapes, see
// @shipshape/aws/testing and packages/aws/src/ecs/service-deployments.test.ts for the pages):
// run(main) with @actions/core replaced by a fixture that keeps the outputs, the failure (the exit
// code) and the job summary.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ECSServiceException,
  ListServiceDeploymentsCommand,
  RegisterTaskDefinitionCommand,
  type Service,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { resetStep, step } from "@shipshape/action-kit/testing/actions-core";
import {
  SCRIPTED_DEPLOYMENT_ARN as ARN,
  CANARY_TO_SUCCESS,
  describeAnswer,
  listAnswer,
  PREVIOUS_BRIEF,
  pauseHook,
  type ScriptedStage,
  STARTED_BRIEF,
} from "@shipshape/aws/testing";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { answerWebRevisions, webRevisionArn as taskDefinition } from "./test-support/web-revisions.js";

vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));

const { run } = await import("@shipshape/action-kit");
const { main } = await import("./main.js");
const { followDefaults } = await import("./native-deploy.js");

const ecs = mockClient(ECSClient);
const canaryService: Service = {
  serviceName: "web",
  status: "ACTIVE",
  desiredCount: 2,
  taskDefinition: taskDefinition(4),
  deploymentController: { type: "ECS" },
  deploymentConfiguration: {
    strategy: "CANARY",
    bakeTimeInMinutes: 60,
    canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 },
    maximumPercent: 200,
    minimumHealthyPercent: 100,
  },
  deployments: [
    { id: "ecs-svc/1111", status: "PRIMARY", taskDefinition: taskDefinition(4), rolloutState: "COMPLETED" },
  ],
  events: [],
};

function scriptDeployment(steps: ScriptedStage[]): void {
  let chain = ecs.on(DescribeServiceDeploymentsCommand);
  for (const answer of steps) chain = chain.resolvesOnce(describeAnswer(answer));
  chain.resolves(describeAnswer(steps[steps.length - 1]!));
}

async function runStep(inputs: Record<string, string>): Promise<void> {
  step.inputs = {
    region: "us-east-1",
    cluster: "prod",
    service: "web",
    images: "app=repo/web:5",
    policy: "off",
    ...inputs,
  };
  await run(main);
}

beforeEach(() => {
  ecs.reset();
  resetStep();
  let now = 0;
  followDefaults.clock = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  ecs.on(DescribeServicesCommand).resolves({ services: [canaryService] });
  answerWebRevisions(ecs);
  ecs.on(UpdateServiceCommand).resolves({ service: canaryService });
  ecs
    .on(ListServiceDeploymentsCommand)
    .resolvesOnce(listAnswer(PREVIOUS_BRIEF))
    .resolves(listAnswer(STARTED_BRIEF, PREVIOUS_BRIEF));
  ecs.on(StopServiceDeploymentCommand).resolves({ serviceDeploymentArn: ARN });
});

const updateInput = () => ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input;

describe("ecs-deploy with the canary strategy", () => {
  it("runs the canary to SUCCESSFUL: plan first, progress lines, outputs, a summary stage by stage", async () => {
    scriptDeployment(CANARY_TO_SUCCESS);
    await runStep({ "canary-percent": "20", "bake-time": "30" });
    expect(step.failed).toBeUndefined();
    expect(step.outputs).toMatchObject({
      "service-deployment-arn": ARN,
      "lifecycle-stage": "CLEAN_UP",
      "rollout-state": "COMPLETED",
      "task-definition-arn": taskDefinition(5),
    });
    expect(updateInput().deploymentConfiguration).toMatchObject({
      strategy: "CANARY",
      bakeTimeInMinutes: 30,
      canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 15 },
    });
    const planAt = step.printed.findIndex((line) => line.startsWith("CANARY plan: 2 tasks, wait until stable"));
    const updatedAt = step.printed.findIndex((line) => line.startsWith("updated service web"));
    expect(planAt).toBeGreaterThanOrEqual(0);
    expect(planAt).toBeLessThan(updatedAt);
    expect(step.printed).toContain(
      "IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT: 10% of production traffic on the new revision, 100% of test traffic",
    );
    expect(step.summary).toContain("## ✅ ECS deploy: web in prod completed");
    expect(step.summary).toContain("### Canary deployment");
    expect(step.summary).toContain("```mermaid\nxychart-beta");
    expect(step.summary).toContain('x-axis "minutes after the first shift" ["0", "15", "45 bake ends"]');
    expect(step.summary).toContain("| stage | entered at | production traffic on new revision | hook status |");
    expect(step.summary).toContain("| <code>BAKE_TIME</code> | 1970-01-01T00:01:");
    expect(step.summary).toMatch(/\| <code>PRODUCTION_TRAFFIC_SHIFT<\/code> \| [0-9T:.Z-]+ \| 10% \|/);
  });

  it.each([
    ["TEST_TRAFFIC_SHIFT", "⏸️ ECS deploy: web in prod reached TEST_TRAFFIC_SHIFT"],
    ["BAKE_TIME", "⏸️ ECS deploy: web in prod reached BAKE_TIME"],
  ])("stops at wait-until %s with success, leaving ECS to finish", async (stage, headline) => {
    scriptDeployment(CANARY_TO_SUCCESS);
    await runStep({ "wait-until": stage });
    expect(step.failed).toBeUndefined();
    expect(step.outputs).toMatchObject({
      "service-deployment-arn": ARN,
      "lifecycle-stage": stage,
      "rollout-state": "IN_PROGRESS",
    });
    expect(step.summary).toContain(`## ${headline}`);
    expect(step.summary).toContain(
      `reached ${stage} (wait-until ${stage}); ECS carries on with it`.replace(/_/g, "\\_"),
    );
    expect(ecs.commandCalls(StopServiceDeploymentCommand)).toHaveLength(0);
  });

  it("fails the step when an alarm rolls the canary back, and leaves the rollback to ECS", async () => {
    scriptDeployment([
      { stage: "PRODUCTION_TRAFFIC_SHIFT", test: 100, production: 10 },
      {
        status: "ROLLBACK_IN_PROGRESS",
        stage: "PRODUCTION_TRAFFIC_SHIFT",
        production: 10,
        fields: {
          statusReason: "CloudWatch alarm web-5xx is in ALARM state.",
          alarms: { status: "TRIGGERED", alarmNames: ["web-5xx"], triggeredAlarmNames: ["web-5xx"] },
        },
      },
    ]);
    await runStep({ rollback: "on-failure" });
    expect(step.failed).toBe(
      `service deployment ${ARN} ended ROLLBACK_IN_PROGRESS: CloudWatch alarm web-5xx is in ALARM state.; alarms in ALARM: web-5xx`,
    );
    expect(step.outputs).toMatchObject({ "rollout-state": "FAILED", "lifecycle-stage": "PRODUCTION_TRAFFIC_SHIFT" });
    expect(ecs.commandCalls(StopServiceDeploymentCommand)).toHaveLength(0);
    expect(step.summary).toContain("## ❌ ECS deploy: web in prod failed");
    expect(step.summary).toContain("| Status | <code>ROLLBACK_IN_PROGRESS</code> |");
  });

  it("stops the deployment with rollback on timeout when rollback is on-failure", async () => {
    scriptDeployment([{ stage: "BAKE_TIME", production: 100 }]);
    await runStep({ rollback: "on-failure", "timeout-minutes": "10" });
    expect(step.failed).toBe(
      `gave up waiting for service deployment ${ARN} after 10 minutes: it is IN_PROGRESS at BAKE_TIME. Stopped it with rollback (StopServiceDeployment ROLLBACK): ECS goes back to the previous service revision`,
    );
    expect(ecs.commandCalls(StopServiceDeploymentCommand)[0]!.args[0].input).toEqual({
      serviceDeploymentArn: ARN,
      stopType: "ROLLBACK",
    });
    expect(step.outputs["rollout-state"]).toBe("TIMED_OUT");
    expect(step.summary).toContain("| Stopped by this step | with rollback (StopServiceDeployment ROLLBACK) |");
  });

  it("leaves a timed-out deployment to ECS without rollback: on-failure", async () => {
    scriptDeployment([{ stage: "BAKE_TIME", production: 100 }]);
    await runStep({ "timeout-minutes": "10" });
    expect(step.failed).toMatch(
      /ECS carries on with the deployment \(rollback: on-failure would stop it with rollback\)$/,
    );
    expect(ecs.commandCalls(StopServiceDeploymentCommand)).toHaveLength(0);
  });

  it("stops the deployment with rollback when the step is cancelled mid-shift", async () => {
    scriptDeployment(CANARY_TO_SUCCESS);
    const controller = new AbortController();
    const sleep = followDefaults.clock!.sleep;
    followDefaults.signal = controller.signal;
    followDefaults.clock = {
      now: followDefaults.clock!.now,
      sleep: async (ms) => {
        if (step.printed.some((line) => line.startsWith("IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT: 10%")))
          controller.abort();
        await sleep(ms);
      },
    };
    try {
      await runStep({ rollback: "on-failure" });
    } finally {
      delete followDefaults.signal;
    }
    expect(step.failed).toMatch(
      new RegExp(
        `^the step was cancelled while service deployment ${ARN} was IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT\\. Stopped it with rollback`,
      ),
    );
    expect(ecs.commandCalls(StopServiceDeploymentCommand)).toHaveLength(1);
    expect(step.outputs["rollout-state"]).toBe("CANCELLED");
  });

  it("waits at a PAUSE hook until it is continued, and shows the hook's statuses in the summary", async () => {
    scriptDeployment([
      ...CANARY_TO_SUCCESS.slice(0, 6),
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("AWAITING_ACTION") },
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("AWAITING_ACTION") },
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("SUCCEEDED") },
      ...CANARY_TO_SUCCESS.slice(7),
    ]);
    await runStep({});
    expect(step.failed).toBeUndefined();
    expect(step.outputs["rollout-state"]).toBe("COMPLETED");
    expect(
      step.printed.some((line) => line.includes("PAUSE hook AWAITING_ACTION (waiting for ContinueServiceDeployment")),
    ).toBe(true);
    expect(step.summary).toMatch(
      /\| <code>POST_TEST_TRAFFIC_SHIFT<\/code> \| [0-9T:.Z-]+ \| 0% \| PAUSE: AWAITING\\_ACTION → SUCCEEDED \|/,
    );
  });

  it("fails the step when a Lambda hook fails and ECS rolls back", async () => {
    const lambda = [{ hookId: "ecs-lambda-Qw3rTy", targetType: "AWS_LAMBDA" as const, status: "FAILED" as const }];
    scriptDeployment([
      { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: lambda },
      {
        status: "ROLLBACK_SUCCESSFUL",
        stage: "POST_TEST_TRAFFIC_SHIFT",
        hooks: lambda,
        fields: { statusReason: "Lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT." },
      },
    ]);
    await runStep({ rollback: "on-failure" });
    expect(step.failed).toBe(
      `service deployment ${ARN} ended ROLLBACK_SUCCESSFUL: Lifecycle hook failed at POST_TEST_TRAFFIC_SHIFT.; AWS_LAMBDA hook FAILED`,
    );
    expect(step.outputs["rollout-state"]).toBe("FAILED");
    expect(ecs.commandCalls(StopServiceDeploymentCommand)).toHaveLength(0);
  });

  it("waits out throttled DescribeServiceDeployments calls", async () => {
    const throttled = new ECSServiceException({
      name: "ThrottlingException",
      $fault: "client",
      message: "Rate exceeded",
      $metadata: { httpStatusCode: 400 },
    });
    ecs
      .on(DescribeServiceDeploymentsCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .resolves(describeAnswer(CANARY_TO_SUCCESS.at(-1)!));
    await runStep({});
    expect(step.failed).toBeUndefined();
    expect(step.printed).toContain(
      "DescribeServiceDeployments failed (ThrottlingException: Rate exceeded); trying again in 10 s",
    );
    expect(step.summary).toContain("2 throttled or failed reads were tried again.");
  });

  it("refuses blue_green without a bake time before registering anything", async () => {
    const rolling = { ...canaryService, deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } };
    ecs.on(DescribeServicesCommand).resolves({ services: [rolling] });
    await runStep({ strategy: "blue_green" });
    expect(step.failed).toBe(
      'the BLUE_GREEN deployment of service "web" cannot start: bake-time is required for blue_green, and the service has none; nothing was registered or updated',
    );
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });

  it("refuses linear settings on a canary service before registering anything", async () => {
    await runStep({ "linear-percent": "20" });
    expect(step.failed).toMatch(/linear-percent applies only to linear; nothing was registered or updated$/);
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
  });

  it("refuses bad strategy inputs before any AWS call", async () => {
    await runStep({ strategy: "canary", "canary-percent": "0.05", "wait-until": "LATER" });
    expect(step.failed).toMatch(
      /^invalid inputs:\n- canary-percent must be a multiple of 0.1 from 0.1 to 100.0, found "0.05"\n- wait-until must be stable or a lifecycle stage/,
    );
    expect(ecs.calls()).toHaveLength(0);
  });

  it("switches a service to linear and prints the plan in a dry run, changing nothing", async () => {
    await runStep({
      strategy: "linear",
      "linear-percent": "25",
      "linear-interval": "5",
      "bake-time": "10",
      "dry-run": "true",
    });
    expect(step.failed).toBeUndefined();
    expect(step.printed.join("\n")).toContain("step 4 of 4: 100% of production traffic on green; bake starts");
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(step.summary).toContain("### Linear deployment");
  });
});
