// The ecs-deploy bundle under AWS faults: each call of a deploy (read the service, read its task
// definition, register, update, watch) throttled, failing with 5xx, reset, slow, denied, with an
// expired token, and never answered; through test/support/fault-proxy.ts in front of moto.
// Requests time out after 1 s here (SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS) and are tried 3 times, so
// no run waits long; the runs' own bound is the test timeout.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  credentials,
  FAILING_FAULTS,
  motoBehindFaultProxy,
  PASSING_FAULTS,
  region,
  throughProxy,
} from "./support/fault-cases.js";
import { type ActionRun, runAction } from "./support/run-action.js";

const account = "123456789012";
const registry = `${account}.dkr.ecr.${region}.amazonaws.com`;

const workspace = mkdtempSync(join(tmpdir(), "shipshape-ecs-faults-e2e-"));
const aws = motoBehindFaultProxy({ MOTO_ECS_SERVICE_RUNNING: "1" });
let ecs: ECSClient;
let imageNumber = 1;

const taskDefinitionYaml = `family: web
networkMode: bridge
requiresCompatibilities: [EC2]
containerDefinitions:
  - name: app
    image: placeholder
    memory: 256
    essential: true
`;

async function deployThroughProxy(
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  options: { cancelWhen?: RegExp } = {},
) {
  return runAction("ecs-deploy", {
    cwd: workspace,
    inputs: { cluster: "prod", service: "web", "task-definition": "task-definition.yaml", policy: "off", ...inputs },
    env: {
      GITHUB_WORKSPACE: workspace,
      ...throughProxy(aws.proxy.endpoint),
      ...env,
    },
    // Loose bounds against hangs: two copies of the suite may share a loaded 2-core machine.
    timeoutMs: 50_000,
    ...options,
  });
}

const nextImage = () => `app=${registry}/web:${++imageNumber}`;

async function revisions(): Promise<string[]> {
  return (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "web" }))).taskDefinitionArns ?? [];
}

async function serviceRevision(): Promise<string | undefined> {
  return (await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["web"] }))).services?.[0]
    ?.taskDefinition;
}

function expectExit(run: ActionRun, code: number): void {
  expect(run.exitCode, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(code);
}

beforeAll(async () => {
  ecs = new ECSClient({ region, endpoint: aws.moto.endpoint, credentials });
  writeFileSync(join(workspace, "task-definition.yaml"), taskDefinitionYaml);
  await ecs.send(new CreateClusterCommand({ clusterName: "prod" }));
  const first = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "web",
      networkMode: "bridge",
      requiresCompatibilities: ["EC2"],
      containerDefinitions: [{ name: "app", image: `${registry}/web:1`, memory: 256, essential: true }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: "prod",
      serviceName: "web",
      taskDefinition: first.taskDefinition!.taskDefinitionArn,
      desiredCount: 1,
    }),
  );
}, 120_000);

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

const STEPS = ["DescribeServices", "DescribeTaskDefinition", "RegisterTaskDefinition", "UpdateService"];

describe("ecs-deploy under AWS faults", { timeout: 60_000 }, () => {
  describe.each(STEPS)("%s", (operation) => {
    it.each(PASSING_FAULTS)("deploys once through %s, registering one revision", async (_, fault) => {
      const before = await revisions();
      aws.proxy.inject(operation, fault);
      const run = await deployThroughProxy({ images: nextImage() });
      expectExit(run, 0);
      const after = await revisions();
      expect(after.length).toBe(before.length + 1);
      expect(await serviceRevision()).toBe(run.outputs["task-definition-arn"]);
      expect(run.outputs["task-definition-arn"]).toBe(after.at(-1));
      expect(aws.proxy.calls(operation)).toBeGreaterThan(fault.kind === "delay" ? 0 : 1);
    });

    it.each(FAILING_FAULTS)("fails on %s, naming the call, and changes nothing after it", async (kind, message) => {
      const before = await revisions();
      const revisionBefore = await serviceRevision();
      aws.proxy.inject(operation, { kind });
      const run = await deployThroughProxy({ images: nextImage() });
      expectExit(run, 1);
      const error = run.commands.find((line) => line.startsWith("::error::"));
      expect(error, run.stdout).toContain(operation);
      expect(error).toMatch(message);
      if (operation !== "UpdateService") {
        expect(await serviceRevision()).toBe(revisionBefore);
        if (operation !== "RegisterTaskDefinition") expect(await revisions()).toEqual(before);
      }
      expect(run.summary).toContain("failed");
    });
  });

  it("ends the step at timeout-minutes when DescribeServices stops answering mid-watch", async () => {
    aws.proxy.inject("DescribeServices", { kind: "hang", skip: 1 });
    const started = Date.now();
    // The default request timeout (30 s): the watch's deadline, not the request timeout, ends the call.
    const run = await deployThroughProxy(
      { images: nextImage(), "timeout-minutes": "0.2" },
      {
        SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS: "",
      },
    );
    console.log(
      `timeout-minutes 0.2 against a DescribeServices that never answers: the step ended after ${Date.now() - started} ms`,
    );
    expectExit(run, 1);
    expect(run.commands.find((line) => line.startsWith("::error::"))).toContain(
      "after 0.2 minutes: DescribeServices never answered",
    );
    expect(run.outputs["rollout-state"]).toBe("TIMED_OUT");
  });

  it("registers once when ECS answers 500 after registering: looks for the revision before trying again", async () => {
    const before = await revisions();
    aws.proxy.inject("RegisterTaskDefinition", { kind: "server-error-after", times: 1 });
    const run = await deployThroughProxy({ images: nextImage() });
    expectExit(run, 0);
    const after = await revisions();
    expect(after, run.stdout).toHaveLength(before.length + 1);
    expect(aws.proxy.calls("RegisterTaskDefinition")).toBe(1);
    expect(run.outputs["task-definition-arn"]).toBe(after.at(-1));
    expect(run.stdout).toContain(
      `ECS had registered it as ${after.at(-1)}: taking that revision, not registering again`,
    );
  });

  it("names the revision the service still runs when UpdateService is denied", async () => {
    const running = await serviceRevision();
    aws.proxy.inject("UpdateService", { kind: "access-denied" });
    const run = await deployThroughProxy({ images: nextImage() });
    expectExit(run, 1);
    expect(run.outputs).toMatchObject({
      "task-definition-arn": running,
      registered: "true",
      deployed: "false",
      "rolled-back": "false",
    });
  });

  it("ends the step at timeout-minutes when RegisterTaskDefinition never answers, the service untouched", async () => {
    const before = await revisions();
    const revisionBefore = await serviceRevision();
    aws.proxy.inject("RegisterTaskDefinition", { kind: "hang" });
    // The default request timeout (30 s): the step's deadline, not the request timeout, ends the call.
    const run = await deployThroughProxy(
      { images: nextImage(), "timeout-minutes": "0.1" },
      { SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS: "" },
    );
    expectExit(run, 1);
    expect(run.commands.find((line) => line.startsWith("::error::"))).toContain(
      "timeout-minutes (0.1) passed while registering a revision of web (service web in cluster prod): the service was not updated",
    );
    expect(aws.proxy.calls("UpdateService")).toBe(0);
    expect(await revisions()).toEqual(before);
    expect(await serviceRevision()).toBe(revisionBefore);
    expect(run.outputs.deployed).toBe("false");
  });

  it("reports the timeout and the failed rollback after it, in the message and the summary", async () => {
    aws.proxy.inject("DescribeServices", { kind: "hang", skip: 1 });
    aws.proxy.inject("UpdateService", { kind: "access-denied", skip: 1 });
    // timeout-minutes bounds the whole step: room for the calls before the watch on a loaded machine.
    const run = await deployThroughProxy({ images: nextImage(), "timeout-minutes": "0.2", rollback: "on-failure" });
    expectExit(run, 1);
    const error = run.commands.find((line) => line.startsWith("::error::"));
    expect(error).toMatch(/gave up waiting for deployment .* The rollback to .* failed too: .*UpdateService/);
    expect(run.summary).toContain("gave up waiting for deployment");
    expect(run.summary).toMatch(/\| Rollback \| failed: .*not authorized/);
  });

  it("stops within 5 s on SIGTERM mid-watch, saying what was in progress, with outputs and a summary", async () => {
    aws.proxy.inject("DescribeServices", { kind: "hang", skip: 1 });
    const run = await deployThroughProxy(
      { images: nextImage(), "timeout-minutes": "5" },
      { SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS: "" },
      { cancelWhen: /updated service web: deployment/ },
    );
    console.log(`SIGTERM mid-watch: the step exited ${run.cancelToExitMs} ms later`);
    expectExit(run, 1);
    expect(run.cancelToExitMs).toBeDefined();
    expect(run.cancelToExitMs!).toBeLessThan(5_000);
    const deployment = run.outputs["deployment-id"];
    expect(deployment).toMatch(/^ecs-svc\//);
    const error = run.commands.find((line) => line.startsWith("::error::"));
    expect(error).toContain(
      `the step was cancelled (SIGTERM) while watching deployment ${deployment} of service web (revision ${run.outputs["task-definition-arn"]})`,
    );
    expect(run.outputs).toMatchObject({ registered: "true", deployed: "false" });
    expect(run.summary).toContain("## ❌ ECS deploy: web in prod failed");
    expect(run.summary).toContain("cancelled (SIGTERM)");
  });
});
