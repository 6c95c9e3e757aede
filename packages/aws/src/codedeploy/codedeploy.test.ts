// CodeDeploy blue/green on recorded answers: moto keeps a deployment "Created" for ever and has
// no deployment targets, so the watch to success or failure is tested here.
import {
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
} from "@aws-sdk/client-codedeploy";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../ecs/watch.js";
import { appSpecWithTaskDefinition, generatedAppSpec } from "./appspec.js";
import { createEcsDeployment, watchEcsDeployment } from "./deployment.js";

const codedeploy = mockClient(CodeDeployClient);
const client = new CodeDeployClient({ region: "us-east-1" });
const ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7";
const clock = (): Clock => {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
};

beforeEach(() => codedeploy.reset());

describe("appSpecWithTaskDefinition", () => {
  it("sets every resource's TaskDefinition, whatever the case of its keys", () => {
    const yaml = `version: 0.0
resources:
  - TargetService:
      Type: AWS::ECS::Service
      properties:
        taskDefinition: "<TASK_DEFINITION>"
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 8080
`;
    expect(JSON.parse(appSpecWithTaskDefinition(yaml, ARN, "appspec.yaml"))).toEqual({
      version: 0,
      resources: [
        {
          TargetService: {
            Type: "AWS::ECS::Service",
            properties: { taskDefinition: ARN, LoadBalancerInfo: { ContainerName: "web", ContainerPort: 8080 } },
          },
        },
      ],
    });
  });

  it.each([
    ["version: 0.0\n", "appspec.yaml: the AppSpec needs Resources"],
    ["Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n", "appspec.yaml: the AppSpec needs Properties"],
    ["Resources: [", "appspec.yaml: not valid YAML or JSON"],
  ])("refuses %j", (text, message) => {
    expect(() => appSpecWithTaskDefinition(text, ARN, "appspec.yaml")).toThrow(message);
  });

  it("generates one from the load balancer's container and port", () => {
    expect(
      JSON.parse(generatedAppSpec(ARN, { containerName: "web", containerPort: 8080 })).Resources[0].TargetService,
    ).toEqual({
      Type: "AWS::ECS::Service",
      Properties: { TaskDefinition: ARN, LoadBalancerInfo: { ContainerName: "web", ContainerPort: 8080 } },
    });
  });
});

describe("createEcsDeployment", () => {
  it("sends the AppSpec as content with its sha256, and cuts the description to 512 characters", async () => {
    codedeploy.on(CreateDeploymentCommand).resolves({ deploymentId: "d-ABCDEF123" });
    const id = await createEcsDeployment(
      client,
      { application: "AppECS-prod-web", deploymentGroup: "DgpECS-prod-web" },
      "{}",
      {
        description: "x".repeat(600),
      },
    );
    expect(id).toBe("d-ABCDEF123");
    const input = codedeploy.commandCalls(CreateDeploymentCommand)[0]!.args[0].input;
    expect(input.revision).toEqual({
      revisionType: "AppSpecContent",
      appSpecContent: { content: "{}", sha256: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" },
    });
    expect(input.description).toHaveLength(512);
    expect(input).not.toHaveProperty("deploymentConfigName");
  });
});

describe("watchEcsDeployment", () => {
  it("follows the lifecycle events to success", async () => {
    codedeploy
      .on(GetDeploymentCommand)
      .resolvesOnce({ deploymentInfo: { status: "InProgress" } })
      .resolves({ deploymentInfo: { status: "Succeeded" } });
    codedeploy.on(ListDeploymentTargetsCommand).resolves({ targetIds: ["prod:web"] });
    codedeploy
      .on(BatchGetDeploymentTargetsCommand)
      .resolvesOnce({
        deploymentTargets: [
          { ecsTarget: { lifecycleEvents: [{ lifecycleEventName: "Install", status: "InProgress" }] } },
        ],
      })
      .resolves({
        deploymentTargets: [
          {
            ecsTarget: {
              lifecycleEvents: [
                { lifecycleEventName: "Install", status: "Succeeded" },
                { lifecycleEventName: "AllowTraffic", status: "Succeeded" },
              ],
            },
          },
        ],
      });
    const lines: string[] = [];
    const result = await watchEcsDeployment(client, {
      deploymentId: "d-1",
      timeoutMs: 600_000,
      clock: clock(),
      onProgress: (line) => lines.push(line),
    });
    expect(result).toEqual({
      state: "Succeeded",
      message: "CodeDeploy deployment d-1 succeeded",
      lifecycleEvents: ["Install: Succeeded", "AllowTraffic: Succeeded"],
    });
    expect(lines).toEqual([
      "CodeDeploy deployment d-1: InProgress",
      "  Install: InProgress",
      "CodeDeploy deployment d-1: Succeeded",
      "  Install: Succeeded",
      "  AllowTraffic: Succeeded",
    ]);
  });

  it("gives CodeDeploy's reason when the deployment fails and rolls back", async () => {
    codedeploy.on(GetDeploymentCommand).resolves({
      deploymentInfo: {
        status: "Failed",
        errorInformation: { code: "ECS_UPDATE_ERROR", message: "The ECS service failed to stabilize" },
        rollbackInfo: { rollbackDeploymentId: "d-2" },
      },
    });
    codedeploy.on(ListDeploymentTargetsCommand).resolves({ targetIds: [] });
    const result = await watchEcsDeployment(client, { deploymentId: "d-1", timeoutMs: 600_000, clock: clock() });
    expect(result.message).toBe(
      "CodeDeploy deployment d-1 failed: ECS_UPDATE_ERROR: The ECS service failed to stabilize (rolled back by d-2)",
    );
  });

  it("times out while the deployment goes on", async () => {
    codedeploy.on(GetDeploymentCommand).resolves({ deploymentInfo: { status: "Created" } });
    codedeploy.on(ListDeploymentTargetsCommand).resolves({ targetIds: [] });
    const result = await watchEcsDeployment(client, { deploymentId: "d-1", timeoutMs: 60_000, clock: clock() });
    expect(result.state).toBe("TIMED_OUT");
    expect(result.message).toContain("did not finish within 1 minutes (last status Created)");
  });
});
