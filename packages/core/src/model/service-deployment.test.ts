import { describe, expect, it } from "vitest";
import { toPlain } from "../document/node.js";
import { loadDocument } from "../loaders/load.js";
import { json } from "../rules/test-support/rule-tester.js";
import { terraformPlanCase } from "../rules/test-support/terraform-plan-case.js";
import type { Service, ServiceDeployment } from "./resources.js";

function serviceOf(file: string, text: string): Service {
  const loaded = loadDocument(file, text);
  if (loaded.status !== "loaded") throw new Error(`did not load: ${JSON.stringify(loaded)}`);
  const service = loaded.document.resources.find((resource) => resource.kind === "service");
  if (service?.kind !== "service") throw new Error("no service");
  return service;
}

/** The deployment fields as plain values (undefined stays undefined), to compare across formats. */
function plain(deployment: ServiceDeployment) {
  return Object.fromEntries(Object.entries(deployment).map(([key, node]) => [key, node === undefined ? undefined : toPlain(node)]));
}

const lambda = "arn:aws:lambda:us-east-1:123456789012:function:check";
const role = "arn:aws:iam::123456789012:role/hooks";
const blue = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1";

describe("Service.deployment", () => {
  it("reads ECS service JSON", () => {
    const service = serviceOf(
      "service.json",
      json({
        serviceName: "web",
        deploymentController: { type: "ECS" },
        deploymentConfiguration: {
          strategy: "CANARY",
          bakeTimeInMinutes: 15,
          canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
          lifecycleHooks: [{ hookTargetArn: lambda, roleArn: role, lifecycleStages: ["POST_SCALE_UP"] }],
        },
        loadBalancers: [{ targetGroupArn: blue }],
      }),
    );
    expect(plain(service.deployment)).toMatchObject({
      controllerType: "ECS",
      strategy: "CANARY",
      bakeTimeInMinutes: 15,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
      linearConfiguration: undefined,
      lifecycleHooks: [{ hookTargetArn: lambda, roleArn: role, lifecycleStages: ["POST_SCALE_UP"] }],
      loadBalancers: [{ targetGroupArn: blue }],
    });
  });

  it("reads CloudFormation, intrinsics kept as they are", () => {
    const service = serviceOf(
      "stack.yaml",
      `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      DeploymentController:
        Type: ECS
      DeploymentConfiguration:
        Strategy: LINEAR
        BakeTimeInMinutes: !Ref Bake
        LinearConfiguration:
          StepPercent: 25
      LoadBalancers:
        - TargetGroupArn: !Ref Blue
`,
    );
    expect(plain(service.deployment)).toMatchObject({
      controllerType: "ECS",
      strategy: "LINEAR",
      bakeTimeInMinutes: { Ref: "Bake" },
      linearConfiguration: { StepPercent: 25 },
      canaryConfiguration: undefined,
      lifecycleHooks: undefined,
      loadBalancers: [{ TargetGroupArn: { Ref: "Blue" } }],
    });
  });

  it("reads a Terraform plan: blocks unwrapped, unset values and empty blocks absent", () => {
    const service = serviceOf(
      "plan.json",
      terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_controller: [{ type: "ECS" }],
        deployment_configuration: [
          {
            strategy: "BLUE_GREEN",
            bake_time_in_minutes: "",
            canary_configuration: [],
            linear_configuration: [],
            lifecycle_hook: [{ hook_target_arn: lambda, role_arn: role, lifecycle_stages: ["POST_SCALE_UP"] }],
          },
        ],
        load_balancer: [{ target_group_arn: blue, advanced_configuration: [] }],
      }),
    );
    expect(plain(service.deployment)).toMatchObject({
      controllerType: "ECS",
      strategy: "BLUE_GREEN",
      bakeTimeInMinutes: undefined,
      canaryConfiguration: undefined,
      linearConfiguration: undefined,
      lifecycleHooks: [{ hook_target_arn: lambda, role_arn: role, lifecycle_stages: ["POST_SCALE_UP"] }],
      loadBalancers: [{ target_group_arn: blue, advanced_configuration: [] }],
    });
  });

  it("leaves everything absent for a service without deployment settings", () => {
    const service = serviceOf("service.json", json({ serviceName: "web" }));
    expect(Object.values(service.deployment).every((node) => node === undefined)).toBe(true);
  });
});
