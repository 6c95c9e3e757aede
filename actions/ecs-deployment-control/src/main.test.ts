import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
} from "@aws-sdk/client-ecs";
import { inputsAsked, readActionFiles, undocumentedNames } from "@shipshape/action-kit/testing";
import { resetStep, step } from "@shipshape/action-kit/testing/actions-core";
import {
  SCRIPTED_DEPLOYMENT_ARN as ARN,
  describeAnswer,
  listAnswer,
  pauseHook,
  SCRIPTED_PAUSE_HOOK_ID,
  STARTED_BRIEF,
} from "@shipshape/aws/testing";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";

vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));

const { run } = await import("@shipshape/action-kit");
const { main } = await import("./main.js");
const { parseInputs } = await import("./context.js");

const ecs = mockClient(ECSClient);

async function runStep(inputs: Record<string, string>): Promise<void> {
  step.inputs = { region: "us-east-1", cluster: "prod", service: "web", ...inputs };
  await run(main);
}

beforeEach(() => {
  ecs.reset();
  resetStep();
  ecs.on(ListServiceDeploymentsCommand).resolves(listAnswer({ ...STARTED_BRIEF, status: "IN_PROGRESS" }));
  ecs.on(ContinueServiceDeploymentCommand).resolves({ serviceDeploymentArn: ARN });
});

describe("ecs-deployment-control", () => {
  it.each([
    ["continue", "CONTINUE", "▶️ ECS deployment of web in prod continued to the next lifecycle stage"],
    ["rollback", "ROLLBACK", "↩️ ECS deployment of web in prod rolled back to the previous service revision"],
  ])("%s: calls ContinueServiceDeployment on the paused hook", async (action, apiAction, headline) => {
    ecs
      .on(DescribeServiceDeploymentsCommand)
      .resolves(describeAnswer({ stage: "POST_TEST_TRAFFIC_SHIFT", test: 100, hooks: pauseHook("AWAITING_ACTION") }));
    await runStep({ action });
    expect(step.failed).toBeUndefined();
    expect(ecs.commandCalls(ContinueServiceDeploymentCommand).map((call) => call.args[0].input)).toEqual([
      { serviceDeploymentArn: ARN, hookId: SCRIPTED_PAUSE_HOOK_ID, action: apiAction },
    ]);
    expect(step.outputs).toEqual({
      "service-deployment-arn": ARN,
      "lifecycle-stage": "POST_TEST_TRAFFIC_SHIFT",
      "hook-id": SCRIPTED_PAUSE_HOOK_ID,
    });
    expect(step.summary).toContain(`## ${headline}`);
  });

  it("fails, and continues nothing, when no deployment waits at a PAUSE hook", async () => {
    ecs.on(DescribeServiceDeploymentsCommand).resolves(describeAnswer({ stage: "BAKE_TIME", production: 100 }));
    await runStep({ action: "continue" });
    expect(step.failed).toBe(
      'service "web" in cluster "prod" has no deployment waiting at a PAUSE hook (none IN_PROGRESS with a hook AWAITING_ACTION): nothing to continue',
    );
    expect(ecs.commandCalls(ContinueServiceDeploymentCommand)).toHaveLength(0);
  });

  it.each<[Record<string, string>, string[]]>([
    [{ service: "web" }, ["action is required: continue or rollback"]],
    [{ service: "web", action: "approve" }, ['action must be one of continue, rollback, found "approve"']],
    [{ action: "continue" }, ["service is required"]],
  ])("refuses %j before any AWS call", async (inputs, problems) => {
    step.inputs = { region: "us-east-1", ...inputs };
    await run(main);
    expect(step.failed).toBe(`invalid inputs:\n- ${problems.join("\n- ")}`);
    expect(ecs.calls()).toHaveLength(0);
  });

  it("reads exactly the inputs action.yml declares, and runs on node24", () => {
    const { metadata, readme } = readActionFiles(new URL("..", import.meta.url), parse);
    const required: Record<string, string> = { service: "web", action: "continue" };
    const asked = inputsAsked(
      (read) => parseInputs(read, { AWS_REGION: "us-east-1" }),
      (name) => required[name] ?? "",
    );
    expect(asked).toEqual(Object.keys(metadata.inputs).sort());
    expect(metadata.runs.using).toBe("node24");
    expect(undocumentedNames(metadata, readme)).toEqual([]);
  });
});
