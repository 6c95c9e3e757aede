// The anchors' README examples (their steps' `with:` blocks, test/anchors/examples.ts) run
// unchanged against shipshape's committed bundles and moto, as the runner runs them: a `uses:`
// change is the whole migration. moto cannot make a container exit non-zero (its tasks' containers
// always report exit code 0), nor move a CodeDeploy deployment past "Created" (and the SDK cannot
// read its GetDeployment answer): a proxy in front of it rewrites those answers. Failed CodeDeploy
// deployments and lifecycle events are tested on recorded answers
// (actions/ecs-deploy/src/codedeploy-deploy.test.ts, packages/aws/src/codedeploy/codedeploy.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from "@aws-sdk/client-codedeploy";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  RegisterContainerInstanceCommand,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as examples from "./anchors/examples.js";
import { type ActionRun, runAction } from "./support/run-action.js";
import { type Moto, startAnswerRewriter, startMoto } from "./support/services.js";

const region = "us-east-1";
const account = "123456789012";
const registry = `${account}.dkr.ecr.${region}.amazonaws.com`;
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const workspace = mkdtempSync(join(tmpdir(), "shipshape-dropin-e2e-"));
const runnerTemp = mkdtempSync(join(tmpdir(), "shipshape-dropin-runner-temp-"));
let moto: Moto | undefined;
let ecs: ECSClient;

/** A task definition file as a repository keeps it, good enough for the recommended policy. */
const taskDefinition = {
  family: "my-task",
  networkMode: "bridge",
  requiresCompatibilities: ["EC2"],
  executionRoleArn: `arn:aws:iam::${account}:role/my-task-execution`,
  containerDefinitions: [
    {
      name: "my-container",
      image: `${registry}/my-ecr-repo:1`,
      memory: 256,
      essential: true,
      portMappings: [{ containerPort: 8080 }],
      readonlyRootFilesystem: true,
      user: "1000",
      healthCheck: { command: ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"] },
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": "/ecs/my-task", "awslogs-region": region, "awslogs-stream-prefix": "ecs" },
      },
    },
  ],
};

/** Fills in `${{ steps.<id>.outputs.<name> }}` from earlier steps' outputs, as the runner does. */
function withExpressions(inputs: Record<string, string>, steps: Record<string, Record<string, string>>) {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      name,
      value.replace(
        /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g,
        (_, step, output) => steps[step]?.[output] ?? "",
      ),
    ]),
  );
}

function run(
  action: string,
  inputs: Record<string, string>,
  cwd = workspace,
  endpoint = moto!.endpoint,
): Promise<ActionRun> {
  return runAction(action, {
    cwd,
    ...(process.env.SHIPSHAPE_ACTION_NODE ? { node: process.env.SHIPSHAPE_ACTION_NODE } : {}),
    inputs,
    env: {
      GITHUB_WORKSPACE: cwd,
      RUNNER_TEMP: runnerTemp,
      AWS_REGION: region,
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: "true",
    },
  });
}

function expectExit(result: ActionRun, code: number): void {
  expect(result.exitCode, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(code);
}

/** moto's own API: reset its state, and let tasks reach STOPPED on the first DescribeTasks. */
async function motoApi(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${moto!.endpoint}/moto-api/${path}`, {
    method: "POST",
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  await response.arrayBuffer();
}

/** An EC2 instance for the EC2 launch type (moto's EC2 query API), registered in the cluster. */
async function registerContainerInstance(cluster: string): Promise<void> {
  const response = await fetch(moto!.endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: "Action=RunInstances&ImageId=ami-03cf127a&MinCount=1&MaxCount=1&Version=2016-11-15",
  });
  const instanceId = /<instanceId>(i-[0-9a-f]+)<\/instanceId>/.exec(await response.text())?.[1];
  if (!instanceId) throw new Error("moto RunInstances returned no instance");
  await ecs.send(
    new RegisterContainerInstanceCommand({ cluster, instanceIdentityDocument: JSON.stringify({ instanceId }) }),
  );
}

async function createService(deploymentController: "ECS" | "CODE_DEPLOY"): Promise<void> {
  await ecs.send(new CreateClusterCommand({ clusterName: "my-cluster" }));
  const { taskDefinition: registered } = await ecs.send(
    new RegisterTaskDefinitionCommand({
      ...taskDefinition,
      containerDefinitions: [{ ...taskDefinition.containerDefinitions[0]!, image: `${registry}/my-ecr-repo:0` }],
    } as never),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: "my-cluster",
      serviceName: "my-service",
      taskDefinition: registered!.taskDefinitionArn!,
      desiredCount: 2,
      deploymentController: { type: deploymentController },
      ...(deploymentController === "CODE_DEPLOY"
        ? {
            loadBalancers: [
              {
                targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/blue/0123456789abcdef`,
                containerName: "my-container",
                containerPort: 8080,
              },
            ],
          }
        : {}),
    }),
  );
}

beforeAll(async () => {
  process.env.MOTO_ECS_SERVICE_RUNNING = "2";
  moto = await startMoto();
  ecs = new ECSClient({ region, endpoint: moto.endpoint, credentials });
  writeFileSync(join(workspace, "task-definition.json"), JSON.stringify(taskDefinition, null, 2));
}, 120_000);

afterAll(async () => {
  await moto?.stop();
  rmSync(workspace, { recursive: true, force: true });
  rmSync(runnerTemp, { recursive: true, force: true });
});

beforeEach(async () => {
  await motoApi("reset");
  await motoApi("state-manager/set-transition", { model_name: "ecs::task", transition: { progression: "immediate" } });
});

describe("amazon-ecs-deploy-task-definition's README examples on shipshape's ecs-deploy", () => {
  it("deploys (Usage)", async () => {
    await createService("ECS");
    const result = await run("ecs-deploy", examples.deployUsage);
    expectExit(result, 0);
    expect(result.outputs["task-definition-arn"]).toBe(`arn:aws:ecs:${region}:${account}:task-definition/my-task:2`);
    expect(result.outputs["rollout-state"]).toBe("COMPLETED");
    expect(result.stdout).toContain("note: wait-for-service-stability (shipshape: wait)");
  });

  it("renders with ecs-render, then deploys the rendered file (two steps)", async () => {
    await createService("ECS");
    const steps: Record<string, Record<string, string>> = {
      "build-image": { image: `${registry}/my-ecr-repo:abc123` },
    };
    const render = await run("ecs-render", withExpressions(examples.renderThenDeploy.render, steps));
    expectExit(render, 0);
    steps["task-def"] = render.outputs;
    expect(render.outputs["task-definition"]).toMatch(new RegExp(`^${runnerTemp}/`));
    const deployed = await run("ecs-deploy", withExpressions(examples.renderThenDeploy.deploy, steps));
    expectExit(deployed, 0);
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: "my-cluster", services: ["my-service"] })))
      .services![0]!;
    expect(service.taskDefinition).toBe(deployed.outputs["task-definition-arn"]);
    expect(deployed.stdout).toContain(`${registry}/my-ecr-repo:abc123`);
  });

  it("runs a task before the service update and waits for it to stop (Running Tasks)", async () => {
    await createService("ECS");
    await registerContainerInstance("my-cluster");
    const result = await run("ecs-deploy", examples.runTaskBeforeService);
    expectExit(result, 0);
    const taskArns = JSON.parse(result.outputs["run-task-arn"] ?? "[]") as string[];
    expect(taskArns).toHaveLength(1);
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: "my-cluster", tasks: taskArns }));
    expect(tasks?.[0]).toMatchObject({ startedBy: "GitHub-Actions", lastStatus: "STOPPED", launchType: "FARGATE" });
    expect(result.stdout).toContain("every essential container exited 0");
    expect(result.stdout.indexOf("started 1 task(s)")).toBeLessThan(
      result.stdout.indexOf("updated service my-service"),
    );
  });

  it("fails when the task's essential container exits non-zero, with its exit code, reason and last log lines (Running Tasks)", async () => {
    await createService("ECS");
    await registerContainerInstance("my-cluster");
    const logs = new CloudWatchLogsClient({ region, endpoint: moto!.endpoint, credentials });
    await logs.send(new CreateLogGroupCommand({ logGroupName: "/ecs/my-task" }));
    const written = new Set<string>();
    // moto's containers always exit 0: this proxy answers DescribeTasks as ECS does for a failed
    // migration, and writes the container's output where awslogs would have.
    const proxy = await startAnswerRewriter(moto!.endpoint, {
      "AmazonEC2ContainerServiceV20141113.DescribeTasks": async (answer) => {
        for (const task of (answer.tasks ?? []) as {
          taskArn: string;
          lastStatus?: string;
          stoppedReason?: string;
          containers?: { exitCode?: number }[];
        }[]) {
          if (task.lastStatus !== "STOPPED") continue;
          task.stoppedReason = "Essential container in task exited";
          for (const container of task.containers ?? []) container.exitCode = 3;
          const stream = `ecs/my-container/${task.taskArn.split("/").pop()}`;
          if (written.has(stream)) continue;
          written.add(stream);
          await logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/my-task", logStreamName: stream }));
          await logs.send(
            new PutLogEventsCommand({
              logGroupName: "/ecs/my-task",
              logStreamName: stream,
              logEvents: [
                { timestamp: Date.now(), message: "applying 0042_add_orders_index" },
                { timestamp: Date.now() + 1, message: 'ERROR: relation "orders_created_at" already exists' },
              ],
            }),
          );
        }
      },
    });
    try {
      const result = await run("ecs-deploy", examples.runTaskBeforeService, workspace, proxy.endpoint);
      expectExit(result, 1);
      const taskId = (JSON.parse(result.outputs["run-task-arn"] ?? "[]") as string[])[0]?.split("/").pop();
      expect(result.commands).toContain(
        `::error::run-task failed: task ${taskId}: container my-container exited with code 3 (Essential container in task exited)`,
      );
      expect(result.stdout).toContain('ERROR: relation "orders_created_at" already exists');
      expect(result.stdout).toContain(`Last 2 log lines of my-container (/ecs/my-task ecs/my-container/${taskId})`);
      // The service was not updated: the migration failed first.
      expect(result.stdout).not.toContain("updated service my-service");
      expect(result.summary).toContain("exited with code 3");
    } finally {
      await proxy.stop();
    }
  });

  it("registers only and runs a task when no service is given (EBS volume, standalone task)", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: "my-cluster" }));
    await registerContainerInstance("my-cluster");
    const result = await run("ecs-deploy", examples.registerOnlyRunTask);
    expectExit(result, 0);
    expect(result.outputs["task-definition-arn"]).toBe(`arn:aws:ecs:${region}:${account}:task-definition/my-task:1`);
    expect(result.outputs.registered).toBe("true");
    const taskArns = JSON.parse(result.outputs["run-task-arn"] ?? "[]") as string[];
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: "my-cluster", tasks: taskArns }));
    expect(tasks?.[0]?.launchType).toBe("EC2");
    // A second run of the same file registers nothing new.
    const again = await run("ecs-deploy", {
      ...examples.registerOnlyRunTask,
      "run-task": "false",
      "run-task-launch-type": "",
      "run-task-managed-ebs-volume-name": "",
      "run-task-managed-ebs-volume": "",
    });
    expectExit(again, 0);
    expect(again.outputs.registered).toBe("false");
  });

  it("starts a CodeDeploy blue/green deployment with the AppSpec's TaskDefinition set (AWS CodeDeploy Support)", async () => {
    await createService("CODE_DEPLOY");
    const codedeploy = new CodeDeployClient({ region, endpoint: moto!.endpoint, credentials });
    await codedeploy.send(
      new CreateApplicationCommand({ applicationName: "my-codedeploy-application", computePlatform: "ECS" }),
    );
    await codedeploy.send(
      new CreateDeploymentGroupCommand({
        applicationName: "my-codedeploy-application",
        deploymentGroupName: "my-codedeploy-deployment-group",
        serviceRoleArn: `arn:aws:iam::${account}:role/codedeploy`,
        deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
        ecsServices: [{ clusterName: "my-cluster", serviceName: "my-service" }],
      }),
    );
    writeFileSync(
      join(workspace, "appspec.json"),
      JSON.stringify({
        version: 0.0,
        Resources: [
          {
            TargetService: {
              Type: "AWS::ECS::Service",
              Properties: {
                TaskDefinition: "<TASK_DEFINITION>",
                LoadBalancerInfo: { ContainerName: "my-container", ContainerPort: 8080 },
              },
            },
          },
        ],
      }),
    );
    // moto keeps a deployment "Created" for ever, and writes createTime as text where the SDK
    // reads epoch seconds: this proxy answers GetDeployment as CodeDeploy does once it succeeded.
    const proxy = await startAnswerRewriter(moto!.endpoint, {
      "CodeDeploy_20141006.GetDeployment": (answer) => {
        const info = answer.deploymentInfo as Record<string, unknown>;
        for (const field of ["createTime", "startTime", "completeTime"]) delete info[field];
        info.status = "Succeeded";
      },
    });
    const result = await run("ecs-deploy", examples.codeDeploy, workspace, proxy.endpoint).finally(() => proxy.stop());
    expectExit(result, 0);
    const deploymentId = result.outputs["codedeploy-deployment-id"];
    expect(deploymentId).toMatch(/^[0-9a-f-]{36}$/);
    // Read raw: moto writes createTime as text where the SDK expects epoch seconds.
    const answer = await fetch(moto!.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "CodeDeploy_20141006.GetDeployment",
        authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/codedeploy/aws4_request, SignedHeaders=host, Signature=x`,
      },
      body: JSON.stringify({ deploymentId }),
    });
    const { deploymentInfo } = (await answer.json()) as {
      deploymentInfo?: { applicationName?: string; revision?: unknown };
    };
    expect(deploymentInfo?.applicationName).toBe("my-codedeploy-application");
    expect(JSON.stringify(deploymentInfo?.revision)).toContain(result.outputs["task-definition-arn"]!);
    expect(result.summary).toContain("### CodeDeploy");
    expect(result.stdout).toContain(`CodeDeploy deployment ${deploymentId}: Succeeded`);
    expect(result.outputs["rollout-state"]).toBe("COMPLETED");
  });
});

describe("amazon-ecs-render-task-definition's README example on shipshape's ecs-render", () => {
  it("renders environment variables, labels and secrets into a new file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shipshape-dropin-render-"));
    writeFileSync(
      join(dir, "task-definition.json"),
      JSON.stringify({
        family: "web",
        containerDefinitions: [{ name: "web", image: "old", environment: [{ name: "LOG_LEVEL", value: "debug" }] }],
      }),
    );
    const result = await run("ecs-render", examples.renderEnvironmentAndLabels, dir);
    expectExit(result, 0);
    const rendered = JSON.parse(readFileSync(result.outputs["task-definition"]!, "utf8"));
    expect(rendered.containerDefinitions[0]).toEqual({
      name: "web",
      image: "amazon/amazon-ecs-sample-1:latest",
      environment: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "ENVIRONMENT", value: "prod" },
      ],
      secrets: [
        { name: "SECRET_KEY", valueFrom: "arn:aws:ssm:region:0123456789:parameter/secret" },
        { name: "SECOND_SECRET_KEY", valueFrom: "arn:aws:ssm:region:0123456789:parameter/secondsecret" },
      ],
      dockerLabels: { SERVICE: "service", VERSION: "version" },
    });
    rmSync(dir, { recursive: true, force: true });
  });
});
