// timeout-minutes bounds the whole step, the calls before the watch included: a call that is still
// unanswered when the time is up ends the step then, with a message that says what was in progress
// and what the service was left with. The deadline is ended by the test (no wall time): the fake
// call that never answers ends it, as the timer would.
import {
  type Deployment,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type Service,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { resetStep, step } from "@shipshape/action-kit/testing/actions-core";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));

const { run } = await import("@shipshape/action-kit");
const { main } = await import("./main.js");
const { DeadlinePassed, StepDeadline } = await import("./step-deadline.js");

const ecs = mockClient(ECSClient);
const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;
const running: Deployment = {
  id: "ecs-svc/1111",
  status: "PRIMARY",
  taskDefinition: arn(4),
  desiredCount: 2,
  runningCount: 2,
  rolloutState: "COMPLETED",
};
const serviceOn = (revision: number, deploymentId = "ecs-svc/1111"): Service => ({
  serviceName: "web",
  status: "ACTIVE",
  desiredCount: 2,
  taskDefinition: arn(revision),
  deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
  deployments: [{ ...running, id: deploymentId, taskDefinition: arn(revision) }],
  deploymentController: { type: "ECS" },
  events: [],
});

let deadline: InstanceType<typeof StepDeadline> | undefined;

/** A call that never answers, and takes the step's whole time: the deadline ends while it waits. */
function neverAnswers(): Promise<never> {
  deadline!.expire();
  return new Promise<never>(() => {});
}

async function runStep(inputs: Record<string, string> = {}): Promise<void> {
  Object.assign(step.inputs, {
    region: "us-east-1",
    cluster: "prod",
    service: "web",
    images: "app=repo/web:5",
    "timeout-minutes": "10",
    ...inputs,
  });
  await run((signal) =>
    main(signal, (minutes, cancel) => {
      deadline = new StepDeadline(minutes, cancel);
      return deadline;
    }),
  );
}

beforeEach(() => {
  ecs.reset();
  deadline = undefined;
  resetStep();
  ecs.on(DescribeServicesCommand).resolves({ services: [serviceOn(4)] });
  ecs.on(DescribeTaskDefinitionCommand).resolves({
    taskDefinition: {
      taskDefinitionArn: arn(4),
      family: "web",
      revision: 4,
      containerDefinitions: [{ name: "app", image: "repo/web:4", memory: 256 }],
    },
  });
  ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn(5) } });
});

describe("the step deadline before the watch", () => {
  it("ends the step at the deadline while RegisterTaskDefinition hangs, the service untouched", async () => {
    ecs.on(RegisterTaskDefinitionCommand).callsFake(neverAnswers);
    await runStep();
    expect(step.failed).toBe(
      "timeout-minutes (10) passed while registering a revision of web (service web in cluster prod): the service was not updated",
    );
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(step.outputs).toMatchObject({ "task-definition-arn": arn(4), deployed: "false", "rolled-back": "false" });
    expect(step.outputs["rollout-state"]).toBe("");
    expect(step.summary).toContain("timeout-minutes (10) passed while registering a revision of web");
  });

  it("ends the step while the first DescribeServices hangs, before anything is read", async () => {
    ecs.on(DescribeServicesCommand).callsFake(neverAnswers);
    await runStep();
    expect(step.failed).toBe(
      "timeout-minutes (10) passed while reading the service (service web in cluster prod): the service was not updated",
    );
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
  });

  it("finds out that a hung UpdateService went through, and rolls it back when rollback is on-failure", async () => {
    ecs
      .on(UpdateServiceCommand)
      .callsFakeOnce(neverAnswers)
      .resolves({ service: serviceOn(4, "ecs-svc/4444") });
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [serviceOn(4)] })
      .resolves({ services: [serviceOn(5, "ecs-svc/2222")] });
    await runStep({ rollback: "on-failure" });
    expect(step.failed).toBe(
      `timeout-minutes (10) passed while updating service web to ${arn(5)} (service web in cluster prod, revision ${arn(5)}): the service was updated to ${arn(5)}; rolled back to ${arn(4)} (deployment ecs-svc/4444)`,
    );
    const updates = ecs.commandCalls(UpdateServiceCommand).map((call) => call.args[0].input.taskDefinition);
    expect(updates).toEqual([arn(5), arn(4)]);
    expect(step.outputs).toMatchObject({
      "task-definition-arn": arn(4),
      deployed: "false",
      "rolled-back": "true",
      "rollout-state": "TIMED_OUT",
    });
  });

  it("says the service was updated and left deploying when rollback is never", async () => {
    ecs.on(UpdateServiceCommand).callsFake(neverAnswers);
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [serviceOn(4)] })
      .resolves({ services: [serviceOn(5, "ecs-svc/2222")] });
    await runStep();
    expect(step.failed).toMatch(/: the service was updated to \S+web:5: ECS goes on with the deployment, unwatched$/);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(step.outputs).toMatchObject({ "task-definition-arn": arn(5), "rolled-back": "false" });
  });

  it("says the update did not happen when the service still runs the previous revision", async () => {
    ecs.on(UpdateServiceCommand).callsFake(neverAnswers);
    await runStep({ rollback: "on-failure" });
    expect(step.failed).toMatch(
      /^timeout-minutes \(10\) passed while updating service web to .*: the service was not updated$/,
    );
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(step.outputs).toMatchObject({ "task-definition-arn": arn(4), deployed: "false", "rolled-back": "false" });
  });
});

describe("StepDeadline", () => {
  it("races a call: the deadline's reason once it passes, the call's own answer before", async () => {
    const cancel = new AbortController();
    const bound = new StepDeadline(10, cancel.signal);
    await expect(bound.race(Promise.resolve("answer"))).resolves.toBe("answer");
    const hung = bound.race(new Promise(() => {}));
    bound.expire();
    await expect(hung).rejects.toBeInstanceOf(DeadlinePassed);
    expect(bound.remainingMs()).toBe(0);
    await expect(bound.race(Promise.resolve("late"))).rejects.toThrow("timeout-minutes (10) passed");
  });

  it("gives the cancel's reason when the step is cancelled first", async () => {
    const cancel = new AbortController();
    const bound = new StepDeadline(10, cancel.signal);
    const hung = bound.race(new Promise(() => {}));
    cancel.abort(new Error("the step was cancelled (SIGTERM)"));
    await expect(hung).rejects.toThrow("the step was cancelled (SIGTERM)");
    expect(bound.hasPassed).toBe(false);
    bound.expire();
  });

  it("counts the time left from its own start", () => {
    let now = 1_000;
    const bound = new StepDeadline(0.5, new AbortController().signal, () => now);
    now += 10_000;
    expect(bound.remainingMs()).toBe(20_000);
    now += 25_000;
    expect(bound.remainingMs()).toBe(0);
    bound.expire();
  });
});
