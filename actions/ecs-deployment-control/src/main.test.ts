// The step on scripted ECS answers (moto does not serve the service-deployment API): it finds the
// deployment paused at a PAUSE hook and calls ContinueServiceDeployment with its hookId, as
// "Continuing service deployments" describes
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/continue-service-deployment.html;
// API: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContinueServiceDeployment.html).
import { readFileSync } from "node:fs";
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
} from "@aws-sdk/client-ecs";
import {
  describeAnswer,
  listAnswer,
  pauseHook,
  SCRIPTED_DEPLOYMENT_ARN as ARN,
  SCRIPTED_PAUSE_HOOK_ID,
  STARTED_BRIEF,
} from "@shipshape/aws/testing";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";

const step = vi.hoisted(() => ({
  inputs: {} as Record<string, string>,
  outputs: {} as Record<string, string>,
  failed: undefined as string | undefined,
  summary: "",
}));
vi.mock("@actions/core", () => {
  const summary = {
    addRaw(text: string) {
      step.summary += text;
      return summary;
    },
    write: async () => summary,
  };
  return {
    getInput: (name: string) => (step.inputs[name] ?? "").trim(),
    getState: () => "",
    saveState: () => {},
    setOutput: (name: string, value: string) => {
      step.outputs[name] = value;
    },
    setFailed: (message: string) => {
      step.failed = message;
    },
    info: () => {},
    debug: () => {},
    summary,
  };
});

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
  Object.assign(step, { outputs: {}, failed: undefined, summary: "" });
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
    const metadata = parse(readFileSync(new URL("../action.yml", import.meta.url), "utf8")) as {
      runs: { using: string };
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const asked = new Set<string>();
    parseInputs(
      (name) => {
        asked.add(name);
        return { service: "web", action: "continue" }[name] ?? "";
      },
      { AWS_REGION: "us-east-1" },
    );
    expect([...asked].sort()).toEqual(Object.keys(metadata.inputs).sort());
    expect(metadata.runs.using).toBe("node24");
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const name of [...Object.keys(metadata.inputs), ...Object.keys(metadata.outputs)])
      expect(readme, name).toContain(`| \`${name}\` |`);
  });
});
