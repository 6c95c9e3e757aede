// The ecs-deploy action's committed bundle, run as the runner runs it, against moto's ECS API:
// register, update, no new revision for an unchanged file, deployment settings applied, dry run,
// and the checks that stop a deploy before anything is registered. moto does not simulate
// rollouts (packages/aws/src/ecs/watch.test.ts covers them with recorded answers); with
// MOTO_ECS_SERVICE_RUNNING set, its deployments report COMPLETED, so `wait` runs end to end.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  ListServiceDeploymentsCommand,
  RegisterTaskDefinitionCommand,
  type Service,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { activeCommands } from "@shipshape/action-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, runAction } from "./support/run-action.js";
import { type Moto, startMoto } from "./support/services.js";

const region = "us-east-1";
const account = "123456789012";
const registry = `${account}.dkr.ecr.${region}.amazonaws.com`;
const arn = (revision: number) => `arn:aws:ecs:${region}:${account}:task-definition/web:${revision}`;
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

const workspace = mkdtempSync(join(tmpdir(), "shipshape-ecs-deploy-e2e-"));
let moto: Moto | undefined;
let ecs: ECSClient;

/** The task definition as a repository keeps it: a placeholder image, filled in by the deploy. */
const taskDefinitionYaml = (extraEnvironment = "") => `# the web service's task definition
family: web
networkMode: bridge
requiresCompatibilities: [EC2]
executionRoleArn: arn:aws:iam::${account}:role/web-execution
taskRoleArn: arn:aws:iam::${account}:role/web-task
containerDefinitions:
  - name: app
    image: placeholder
    memory: 256
    essential: true
    portMappings:
      - containerPort: 8080
    readonlyRootFilesystem: true
    user: "1000"
    healthCheck:
      command: ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"]
    logConfiguration:
      logDriver: awslogs
      options:
        awslogs-group: /ecs/web
        awslogs-region: ${region}
        awslogs-stream-prefix: web
    environment:
      - name: LOG_LEVEL
        value: info${extraEnvironment}
`;

async function deployWith(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction("ecs-deploy", {
    cwd: workspace,
    // GitHub runs the action on node24; point this at a node 24 binary to run the bundle on it.
    ...(process.env.SHIPSHAPE_ACTION_NODE ? { node: process.env.SHIPSHAPE_ACTION_NODE } : {}),
    inputs: { cluster: "prod", service: "web", "task-definition": "task-definition.yaml", ...inputs },
    env: {
      GITHUB_WORKSPACE: workspace,
      AWS_REGION: region,
      AWS_ENDPOINT_URL: moto!.endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: "true",
    },
  });
}

function expectExit(run: ActionRun, code: number): void {
  expect(run.exitCode, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(code);
}

async function currentService(): Promise<Service> {
  return (await ecs.send(new DescribeServicesCommand({ cluster: "prod", services: ["web"] }))).services![0]!;
}

async function registeredRevisions(): Promise<string[]> {
  return (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "web" }))).taskDefinitionArns ?? [];
}

beforeAll(async () => {
  // moto fixes a deployment's counts when it creates the service: 2 running of 2 desired, COMPLETED.
  process.env.MOTO_ECS_SERVICE_RUNNING = "2";
  moto = await startMoto();
  ecs = new ECSClient({ region, endpoint: moto.endpoint, credentials });
  writeFileSync(join(workspace, "task-definition.yaml"), taskDefinitionYaml());
  await ecs.send(new CreateClusterCommand({ clusterName: "prod" }));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "web",
      networkMode: "bridge",
      requiresCompatibilities: ["EC2"],
      containerDefinitions: [{ name: "app", image: `${registry}/web:1`, memory: 256 }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({ cluster: "prod", serviceName: "web", taskDefinition: arn(1), desiredCount: 2 }),
  );
}, 120_000);

afterAll(async () => {
  await moto?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

describe("ecs-deploy against moto", () => {
  it("registers the rendered task definition and applies the count and deployment settings", async () => {
    const run = await deployWith({
      images: `app=${registry}/web:2`,
      "desired-count": "4",
      "minimum-healthy-percent": "50",
      "maximum-percent": "100",
      "circuit-breaker": "rollback",
    });
    expectExit(run, 0);
    expect(run.outputs).toMatchObject({
      "task-definition-arn": arn(2),
      "previous-task-definition-arn": arn(1),
      "rollout-state": "COMPLETED",
      registered: "true",
    });
    expect(run.outputs["deployment-id"]).toMatch(/^ecs-svc\/\d+$/);

    const service = await currentService();
    expect(service.taskDefinition).toBe(arn(2));
    expect(service.desiredCount).toBe(4);
    expect(service.deploymentConfiguration).toMatchObject({
      minimumHealthyPercent: 50,
      maximumPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    });
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn(2) }));
    expect(taskDefinition!.containerDefinitions![0]!.image).toBe(`${registry}/web:2`);

    // The plan before the update: 4 tasks at 50/100 stop 2, start 2, stop 2, start 2.
    expect(run.stdout).toContain("Rolling plan: 4 tasks, minimumHealthyPercent 50, maximumPercent 100");
    expect(run.stdout).toMatch(/1 {2}stop {8}2 {8}2 {8}2/);
    expect(run.summary).toContain("## ✅ ECS deploy: web in prod completed");
    expect(run.summary).toContain(`| Task definition | <code>${arn(2)}</code> (new revision) |`);
    expect(run.summary).toContain(
      '~ containerDefinitions[app].image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1" -> "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2"',
    );
  });

  it("keeps the current revision when the rendered definition is unchanged", async () => {
    const before = await registeredRevisions();
    const run = await deployWith({ images: `app=${registry}/web:2` });
    expectExit(run, 0);
    expect(run.outputs).toMatchObject({
      registered: "false",
      "task-definition-arn": arn(2),
      "previous-task-definition-arn": arn(2),
    });
    expect(await registeredRevisions()).toEqual(before);
    expect(run.stdout).toContain(`unchanged: keeping ${arn(2)}`);
    // Settings not given stay as the first deploy left them.
    expect((await currentService()).desiredCount).toBe(4);
  });

  it("starts a new deployment with force-new-deployment, still without a new revision", async () => {
    const previousDeployment = (await currentService()).deployments![0]!.id;
    const run = await deployWith({ images: `app=${registry}/web:2`, "force-new-deployment": "true", wait: "false" });
    expectExit(run, 0);
    expect(run.outputs.registered).toBe("false");
    expect(run.outputs["deployment-id"]).not.toBe(previousDeployment);
    expect((await currentService()).deployments![0]!.id).toBe(run.outputs["deployment-id"]);
  });

  it("changes nothing in a dry run, and prints the plan and the diff", async () => {
    const before = await registeredRevisions();
    const run = await deployWith({
      images: `app=${registry}/web:3`,
      "desired-count": "6",
      "maximum-percent": "150",
      "dry-run": "true",
    });
    expectExit(run, 0);
    expect(run.outputs).toMatchObject({ registered: "false", "deployment-id": "", "rollout-state": "" });
    expect(await registeredRevisions()).toEqual(before);
    const service = await currentService();
    expect(service.taskDefinition).toBe(arn(2));
    expect(service.desiredCount).toBe(4);
    expect(service.deploymentConfiguration?.maximumPercent).toBe(100);
    expect(run.stdout).toContain("Rolling plan: 6 tasks, minimumHealthyPercent 50, maximumPercent 150");
    expect(run.stdout).toContain(
      '~ containerDefinitions[app].image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2" -> "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:3"',
    );
    expect(run.stdout).toContain("dry-run: nothing was registered or updated");
    expect(run.summary).toContain("## 🔍 ECS deploy: web in prod (dry run)");
  });

  it("stops at a policy violation before anything is registered, with an annotation on the file's line", async () => {
    writeFileSync(
      join(workspace, "leaky.yaml"),
      taskDefinitionYaml(
        "\n      - name: AWS_SECRET_ACCESS_KEY\n        value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      ),
    );
    const before = await registeredRevisions();
    const run = await deployWith({ "task-definition": "leaky.yaml", images: `app=${registry}/web:4` });
    expectExit(run, 1);
    expect(await registeredRevisions()).toEqual(before);
    expect((await currentService()).taskDefinition).toBe(arn(2));
    const annotation = run.commands.find((line) => line.startsWith("::error file=leaky.yaml,line=28,"));
    expect(annotation, run.commands.join("\n")).toBeDefined();
    // The diff names the new variable but never prints its value.
    expect(run.stdout).toMatch(
      /\+ containerDefinitions\[app\]\.environment\[AWS_SECRET_ACCESS_KEY\]\.value: \(hidden, sha256:[0-9a-f]{8}\)/,
    );
    expect(run.stdout + run.summary).not.toContain("wJalrXUtnFEMI");
    expect(run.commands).toContain(
      "::error::the policy check (preset recommended) found 1 error; nothing was registered or updated",
    );
    // Nothing was deployed: the service still runs the revision it ran.
    expect(run.outputs).toMatchObject({
      registered: "false",
      "task-definition-arn": arn(2),
      "previous-task-definition-arn": arn(2),
      deployed: "false",
      "rolled-back": "false",
    });
  });

  it("refuses deployment settings that cannot progress, before registering", async () => {
    const before = await registeredRevisions();
    const run = await deployWith({
      images: `app=${registry}/web:5`,
      "minimum-healthy-percent": "100",
      "maximum-percent": "100",
    });
    expectExit(run, 1);
    expect(run.stdout).toContain(
      "the rolling deployment cannot progress: minimumHealthyPercent 100 with maximumPercent 100 leaves no room",
    );
    expect(await registeredRevisions()).toEqual(before);
  });

  it("names the containers that exist when an image names one that does not", async () => {
    const run = await deployWith({ images: `ap=${registry}/web:5` });
    expectExit(run, 1);
    expect(run.commands).toContain(
      '::error::images: no container "ap" in task definition web; its containers are "app" (task-definition.yaml)',
    );
  });

  it("refuses conflicting inputs before calling AWS", async () => {
    const run = await deployWith({ "task-definition-arn": arn(1), "circuit-breaker": "maybe" });
    expectExit(run, 1);
    expect(run.stdout).toContain("task-definition and task-definition-arn exclude each other");
    expect(run.stdout).toContain('circuit-breaker must be one of rollback, true, false, found "maybe"');
  });

  it("deploys a registered revision given by ARN, with a new image", async () => {
    const run = await deployWith({
      "task-definition": "",
      "task-definition-arn": arn(1),
      images: `app=${registry}/web:6`,
      policy: "off",
    });
    expectExit(run, 0);
    expect(run.outputs).toMatchObject({ registered: "true", "previous-task-definition-arn": arn(2) });
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: run.outputs["task-definition-arn"] }),
    );
    expect(taskDefinition!.containerDefinitions![0]!.image).toBe(`${registry}/web:6`);
    expect((await currentService()).taskDefinition).toBe(run.outputs["task-definition-arn"]);
  });

  // ECS-native blue/green, linear and canary: moto keeps the strategy fields but serves no
  // service-deployment API, so what moto allows is tested here and the watch on scripted answers
  // (packages/aws/src/ecs/service-deployments.test.ts, actions/ecs-deploy/src/native-deploy.test.ts).
  it("prints a canary plan and its Mermaid chart in a dry run, changing nothing", async () => {
    const before = await registeredRevisions();
    const run = await deployWith({
      images: `app=${registry}/web:7`,
      "desired-count": "4",
      strategy: "canary",
      "canary-percent": "10",
      "canary-interval": "15",
      "bake-time": "60",
      "dry-run": "true",
      policy: "off",
    });
    expectExit(run, 0);
    expect(run.stdout).toContain("CANARY plan: 4 tasks, wait until stable");
    expect(run.stdout).toContain("canary: 10% of production traffic to green");
    expect(run.stdout).toContain("Peak 8 tasks (4 blue + 4 green");
    expect(run.summary).toContain("### Canary deployment");
    expect(run.summary).toContain('x-axis "minutes after the first shift" ["0", "15", "75 bake ends"]');
    expect(await registeredRevisions()).toEqual(before);
    expect((await currentService()).deploymentConfiguration?.strategy).toBeUndefined();
  });

  it("refuses strategy settings out of ECS's ranges before calling AWS", async () => {
    const run = await deployWith({ strategy: "linear", "linear-percent": "2", "wait-until": "SOMETIME" });
    expectExit(run, 1);
    expect(run.stdout).toContain('linear-percent must be a multiple of 0.1 from 3.0 to 100.0, found "2"');
    expect(run.stdout).toContain("wait-until must be stable or a lifecycle stage");
  });

  it("stops before registering anything where ListServiceDeployments is not served (moto)", async () => {
    const before = await registeredRevisions();
    const run = await deployWith({
      images: `app=${registry}/web:8`,
      strategy: "blue_green",
      "bake-time": "5",
      policy: "off",
    });
    expectExit(run, 1);
    expect(run.stdout).toContain(
      "could not list the service's deployments, which a blue_green deploy follows (ECS ListServiceDeployments:",
    );
    expect(run.stdout).toContain("nothing was registered or updated");
    expect(await registeredRevisions()).toEqual(before);
    expect((await currentService()).deploymentConfiguration?.strategy).toBeUndefined();
  });

  it("moto keeps the strategy fields UpdateService sends, and serves no service-deployment API", async () => {
    const deploymentConfiguration = {
      strategy: "CANARY" as const,
      bakeTimeInMinutes: 60,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 },
      lifecycleHooks: [{ targetType: "PAUSE" as const, lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT" as const] }],
    };
    await ecs.send(
      new CreateServiceCommand({ cluster: "prod", serviceName: "web-canary", taskDefinition: arn(1), desiredCount: 1 }),
    );
    const { service } = await ecs.send(
      new UpdateServiceCommand({ cluster: "prod", service: "web-canary", deploymentConfiguration }),
    );
    expect(service?.deploymentConfiguration).toEqual(deploymentConfiguration);
    await expect(
      ecs.send(new ListServiceDeploymentsCommand({ cluster: "prod", service: "web-canary" })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
  });

  it.each([
    ["an absolute path", "/etc/passwd", "is outside"],
    ["a path up and out", "../../../../etc/passwd", "is outside"],
    ["a symbolic link out", "linked.yaml", "leads (through a symbolic link) outside"],
  ])("refuses a task definition outside the workspace (%s), quoting nothing from it", async (_, path, how) => {
    const outside = mkdtempSync(join(tmpdir(), "shipshape-outside-"));
    writeFileSync(join(outside, "task.yaml"), "family: [root:x:0:0 secret-line\n");
    rmSync(join(workspace, "linked.yaml"), { force: true });
    symlinkSync(join(outside, "task.yaml"), join(workspace, "linked.yaml"));
    const before = await registeredRevisions();
    const run = await deployWith({ "task-definition": path, images: `app=${registry}/web:7` });
    expectExit(run, 1);
    expect(run.commands.join("\n")).toContain(`${JSON.stringify(path)} ${how} the workspace`);
    expect(run.stdout + run.summary).not.toMatch(/root:x?:?0|secret-line/);
    expect(await registeredRevisions()).toEqual(before);
    rmSync(outside, { recursive: true, force: true });
  });

  it("reads and checks the policy config before anything is registered", async () => {
    writeFileSync(join(workspace, "bad-policy.yaml"), "rules: [unclosed\n");
    const before = await registeredRevisions();
    const running = (await currentService()).taskDefinition;
    const run = await deployWith({ images: `app=${registry}/web:8`, policy: "bad-policy.yaml" });
    expectExit(run, 1);
    expect(await registeredRevisions()).toEqual(before);
    expect((await currentService()).taskDefinition).toBe(running);
  });

  it("prints nothing secret from the task definition, and no workflow command from its keys, even when the policy refuses", async () => {
    const sessionKey = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    writeFileSync(
      join(workspace, "hostile.yaml"),
      `${taskDefinitionYaml(`\n      - name: SESSION_KEY\n        value: "${sessionKey}"\n      - name: AWS_SECRET_ACCESS_KEY\n        value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`)}    command: ["sh", "-c", "psql postgres://user:pass@db.internal/app"]
    dockerLabels:
      db.dsn: "postgres://app:hunter2@db.internal/app"
      "x\\n::warning title=pwned::injected": "1"
`,
    );
    const before = await registeredRevisions();
    const run = await deployWith({ "task-definition": "hostile.yaml", images: `app=${registry}/web:9` });
    expectExit(run, 1);
    expect(await registeredRevisions()).toEqual(before);
    expect(run.commands.join("\n")).toContain("the policy check (preset recommended) found");
    const everything = `${run.stdout}\n${run.stderr}\n${run.summary}\n${JSON.stringify(run.outputs)}`;
    for (const secret of ["user:pass", sessionKey, "hunter2", "wJalrXUtnFEMI"])
      expect(everything).not.toContain(secret);
    // The diff still says what changed, by hash.
    expect(run.stdout).toMatch(/\+ containerDefinitions\[app\]\.command: \(hidden, sha256:[0-9a-f]{8}\)/);
    expect(run.stdout).toMatch(/\+ containerDefinitions\[app\]\.dockerLabels\.db\.dsn: \(hidden, sha256:[0-9a-f]{8}\)/);
    // The injected key reaches the log only inside a stop-commands block.
    expect(run.stdout).toContain("\n::warning title=pwned::injected");
    expect(activeCommands(run.stdout).filter((line) => line.includes("pwned"))).toEqual([]);
  });
});
