// A CODE_DEPLOY service on recorded ECS and CodeDeploy answers: moto keeps a deployment "Created"
// (and its answers do not parse in the SDK), so the watch to a failure, with its reasons in the
// log and the summary, and skip-unchanged are tested here.
import {
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentGroupCommand,
  ListDeploymentTargetsCommand,
} from "@aws-sdk/client-codedeploy";
import { ECSClient, RegisterTaskDefinitionCommand, type Service } from "@aws-sdk/client-ecs";
import { resetStep, step } from "@shipshape/action-kit/testing/actions-core";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeployReport } from "./deploy.js";
import { defaultDropIn } from "./drop-in-inputs.test-support.js";
import { deployInputs } from "./test-support/deploy-inputs.js";
import { answerWebRevisions, webRevisionArn as arn } from "./test-support/web-revisions.js";

vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));
const { printed } = step;

const { deployWithCodeDeploy } = await import("./codedeploy-deploy.js");
const { summaryMarkdown } = await import("./summary.js");

const ecs = mockClient(ECSClient);
const codedeploy = mockClient(CodeDeployClient);
const service: Service = {
  serviceName: "web",
  status: "ACTIVE",
  taskDefinition: arn(4),
  deploymentController: { type: "CODE_DEPLOY" },
  loadBalancers: [
    {
      targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1",
      containerName: "app",
      containerPort: 8080,
    },
  ],
};
const inputs = (image: string) =>
  deployInputs({
    images: [{ container: "app", image }],
    dropIn: {
      ...defaultDropIn,
      codeDeploy: { ...defaultDropIn.codeDeploy, application: "AppECS-prod-web", deploymentGroup: "DgpECS-prod-web" },
    },
  });

beforeEach(() => {
  ecs.reset();
  codedeploy.reset();
  resetStep();
  answerWebRevisions(ecs, { name: "app", image: "repo/web:4" });
});

describe("deployWithCodeDeploy", () => {
  it("deploys with a generated AppSpec and fails with CodeDeploy's reason and the lifecycle events, in the log and the summary", async () => {
    codedeploy.on(GetDeploymentGroupCommand).resolves({
      deploymentGroupInfo: {
        blueGreenDeploymentConfiguration: {
          deploymentReadyOption: { waitTimeInMinutes: 5 },
          terminateBlueInstancesOnDeploymentSuccess: { terminationWaitTimeInMinutes: 10 },
        },
      },
    });
    codedeploy.on(CreateDeploymentCommand).resolves({ deploymentId: "d-7Q2XK4" });
    codedeploy.on(GetDeploymentCommand).resolves({
      deploymentInfo: {
        status: "Failed",
        errorInformation: {
          code: "HEALTH_CONSTRAINTS",
          message: "The deployment failed because of too many failed health checks",
        },
      },
    });
    codedeploy.on(ListDeploymentTargetsCommand).resolves({ targetIds: ["prod:web"] });
    codedeploy.on(BatchGetDeploymentTargetsCommand).resolves({
      deploymentTargets: [
        {
          ecsTarget: {
            lifecycleEvents: [
              { lifecycleEventName: "Install", status: "Succeeded" },
              {
                lifecycleEventName: "AfterAllowTestTraffic",
                status: "Failed",
                diagnostics: { message: "hook returned Failed" },
              },
            ],
          },
        },
      ],
    });
    const report: DeployReport = {};
    const step = inputs("repo/web:5");
    const failure = await deployWithCodeDeploy(
      step,
      new ECSClient({ region: "us-east-1" }),
      new CodeDeployClient({ region: "us-east-1" }),
      service,
      report,
    ).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toBe(
      "CodeDeploy deployment d-7Q2XK4 failed: HEALTH_CONSTRAINTS: The deployment failed because of too many failed health checks",
    );
    const appSpec = JSON.parse(
      codedeploy.commandCalls(CreateDeploymentCommand)[0]!.args[0].input.revision!.appSpecContent!.content!,
    );
    expect(appSpec.Resources[0].TargetService.Properties).toEqual({
      TaskDefinition: arn(5),
      LoadBalancerInfo: { ContainerName: "app", ContainerPort: 8080 },
    });
    expect(printed).toContain("  AfterAllowTestTraffic: Failed (hook returned Failed)");
    expect(report.rolloutState).toBe("FAILED");
    const markdown = summaryMarkdown(step, report, failure);
    expect(markdown).toContain("### CodeDeploy");
    expect(markdown).toContain("AfterAllowTestTraffic: Failed (hook returned Failed)");
    expect(markdown).toContain("HEALTH\\_CONSTRAINTS: The deployment failed");
  });

  it("starts no deployment when the service already runs the rendered task definition", async () => {
    const report: DeployReport = {};
    await deployWithCodeDeploy(
      inputs("repo/web:4"),
      new ECSClient({ region: "us-east-1" }),
      new CodeDeployClient({ region: "us-east-1" }),
      service,
      report,
    );
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(codedeploy.commandCalls(CreateDeploymentCommand)).toHaveLength(0);
    expect(printed).toContain(
      "the service already runs this task definition: no CodeDeploy deployment (force-new-deployment starts one)",
    );
  });
});
