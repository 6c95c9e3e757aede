// The deploy's decisions after a failed rollout (roll back itself or not), on recorded ECS
// answers, with @actions/core replaced by a fixture that keeps what the step printed.
import {
  AccessDeniedException,
  type Deployment,
  DescribeServicesCommand,
  ECSClient,
  ListTasksCommand,
  type Service,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { resetStep, step } from "@shipshape/action-kit/testing/actions-core";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeployReport } from "./deploy.js";
import { deployInputs } from "./test-support/deploy-inputs.js";
import { answerWebRevisions, webRevisionArn as arn } from "./test-support/web-revisions.js";

vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));
const { printed } = step;

const { deploy, settleServiceRevision } = await import("./deploy.js");
const { outputsOf } = await import("./main.js");

const ecs = mockClient(ECSClient);
const client = new ECSClient({ region: "us-east-1" });
const PREVIOUS = "ecs-svc/1111";
const OURS = "ecs-svc/2222";
const ECS_ROLLBACK = "ecs-svc/3333";
const ACTION_ROLLBACK = "ecs-svc/4444";

const inputs = deployInputs({
  circuitBreaker: { enable: true, rollback: false },
  timeoutMinutes: 0.0005,
  rollback: "on-failure",
});

const deployment = (fields: Partial<Deployment>): Deployment => ({
  id: OURS,
  status: "PRIMARY",
  taskDefinition: arn(5),
  desiredCount: 2,
  runningCount: 0,
  pendingCount: 2,
  failedTasks: 0,
  rolloutState: "IN_PROGRESS",
  ...fields,
});
const service = (deployments: Deployment[]): Service => ({
  serviceName: "web",
  status: "ACTIVE",
  desiredCount: 2,
  taskDefinition: deployments[0]!.taskDefinition,
  deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
  deployments,
  events: [],
});
const running = deployment({
  id: PREVIOUS,
  taskDefinition: arn(4),
  runningCount: 2,
  pendingCount: 0,
  rolloutState: "COMPLETED",
});

/** The service before the deploy, then `during` for every poll of the watch. */
function record(during: Service): void {
  ecs
    .on(DescribeServicesCommand)
    .resolvesOnce({ services: [service([running])] })
    .resolves({ services: [during] });
}

beforeEach(() => {
  ecs.reset();
  resetStep();
  answerWebRevisions(ecs);
  ecs
    .on(UpdateServiceCommand)
    .resolvesOnce({ service: service([deployment({}), { ...running, status: "ACTIVE" }]) })
    .resolves({ service: service([deployment({ id: ACTION_ROLLBACK, taskDefinition: arn(4) })]) });
  ecs.on(ListTasksCommand).resolves({ taskArns: [] });
});

describe("deploy: after a failed rollout", () => {
  it("rolls back itself on timeout (ECS never does), and says so", async () => {
    record(service([deployment({}), { ...running, status: "ACTIVE" }]));
    const report = {};
    await expect(deploy(inputs, client, report)).rejects.toThrow(
      new RegExp(
        `^gave up waiting for deployment ${OURS} after .*\\. Rolled back to ${arn(4)} \\(deployment ${ACTION_ROLLBACK}\\)$`,
      ),
    );
    const updates = ecs.commandCalls(UpdateServiceCommand).map((call) => call.args[0].input);
    expect(updates).toHaveLength(2);
    expect(updates[1]).toEqual({ cluster: "prod", service: "web", taskDefinition: arn(4) });
    // The service runs the previous revision again: the outputs say so.
    expect(outputsOf(report)).toEqual({
      "task-definition-arn": arn(4),
      "previous-task-definition-arn": arn(4),
      "deployment-id": OURS,
      "rollout-state": "TIMED_OUT",
      registered: "true",
      "service-deployment-arn": "",
      "lifecycle-stage": "",
      "codedeploy-deployment-id": "",
      "run-task-arn": "",
      deployed: "false",
      "rolled-back": "true",
    });
    expect(printed).toContain(`rolling back to ${arn(4)}`);
  });

  it("rolls back itself when the circuit breaker failed the deployment without rolling back", async () => {
    record(
      service([
        deployment({
          failedTasks: 3,
          rolloutState: "FAILED",
          rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
        }),
      ]),
    );
    await expect(deploy(inputs, client, {})).rejects.toThrow(
      `deployment ${OURS} failed: ECS deployment circuit breaker: tasks failed to start. Rolled back to ${arn(4)}`,
    );
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(2);
  });

  it("leaves the rollback to ECS when its circuit breaker rolls back, and still fails the step", async () => {
    record(
      service([
        deployment({ id: ECS_ROLLBACK, taskDefinition: arn(4) }),
        deployment({
          status: "ACTIVE",
          failedTasks: 3,
          rolloutState: "FAILED",
          rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
        }),
      ]),
    );
    const report = {};
    await expect(
      deploy({ ...inputs, circuitBreaker: { enable: true, rollback: true } }, client, report),
    ).rejects.toThrow(
      `deployment ${OURS} failed: ECS deployment circuit breaker: tasks failed to start. deployment ${OURS} is no longer PRIMARY`,
    );
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(outputsOf(report)["rollout-state"]).toBe("FAILED");
  });

  it("does not roll back with rollback: false", async () => {
    record(
      service([
        deployment({
          failedTasks: 3,
          rolloutState: "FAILED",
          rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start.",
        }),
      ]),
    );
    await expect(deploy({ ...inputs, rollback: "never" }, client, {})).rejects.toThrow(
      /failed: ECS deployment circuit breaker/,
    );
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it("succeeds without touching the previous revision when the rollout completes", async () => {
    record(service([deployment({ runningCount: 2, pendingCount: 0, rolloutState: "COMPLETED" })]));
    const report = {};
    await deploy(inputs, client, report);
    expect(outputsOf(report)).toMatchObject({
      "rollout-state": "COMPLETED",
      registered: "true",
      "deployment-id": OURS,
      "task-definition-arn": arn(5),
      deployed: "true",
      "rolled-back": "false",
    });
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it("reports both failures when the rollback after a timeout fails too", async () => {
    record(service([deployment({}), { ...running, status: "ACTIVE" }]));
    ecs
      .on(UpdateServiceCommand)
      .resolvesOnce({ service: service([deployment({}), { ...running, status: "ACTIVE" }]) })
      .rejects(new AccessDeniedException({ message: "not authorized to perform: ecs:UpdateService", $metadata: {} }));
    const report: DeployReport = {};
    await expect(deploy(inputs, client, report)).rejects.toThrow(
      new RegExp(
        `^gave up waiting for deployment ${OURS} after .*raise timeout-minutes\\. The rollback to ${arn(4)} failed too: ECS refused to update service web: not authorized to perform: ecs:UpdateService$`,
      ),
    );
    expect(report.rollbackFailure).toContain("not authorized");
    expect(outputsOf(report)).toMatchObject({
      "task-definition-arn": arn(5),
      deployed: "false",
      "rolled-back": "false",
    });
  });

  it("names the revision ECS's circuit breaker went back to, read from the service at the end", async () => {
    record(
      service([
        deployment({ id: ECS_ROLLBACK, taskDefinition: arn(4) }),
        deployment({ status: "ACTIVE", failedTasks: 3, rolloutState: "FAILED", rolloutStateReason: "tasks failed" }),
      ]),
    );
    const report: DeployReport = {};
    const breaker = { ...inputs, circuitBreaker: { enable: true, rollback: true } };
    await expect(deploy(breaker, client, report)).rejects.toThrow(/failed/);
    await settleServiceRevision(client, breaker, report);
    expect(outputsOf(report)).toMatchObject({
      "task-definition-arn": arn(4),
      deployed: "false",
      "rolled-back": "true",
    });
  });
});

describe("deploy: outputs when the update is refused", () => {
  it("names the revision the service still runs, not the one registered", async () => {
    record(service([running]));
    ecs
      .on(UpdateServiceCommand)
      .rejects(new AccessDeniedException({ message: "not authorized to perform: ecs:UpdateService", $metadata: {} }));
    const report: DeployReport = {};
    await expect(deploy(inputs, client, report)).rejects.toThrow("ECS refused to update service web");
    await settleServiceRevision(client, inputs, report);
    expect(outputsOf(report)).toMatchObject({
      "task-definition-arn": arn(4),
      registered: "true",
      deployed: "false",
      "rolled-back": "false",
    });
  });
});
