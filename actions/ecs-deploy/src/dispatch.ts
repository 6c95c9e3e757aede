// Which deploy the inputs and the service ask for: register only (no service), a rolling update
// (deployment controller ECS), or a CodeDeploy blue/green deployment (CODE_DEPLOY); run-task runs
// between registering and deploying in each.
import * as core from "@actions/core";
import { createCodeDeployClient, createEcsClient, describeService } from "@shipshape/aws";
import { deployWithCodeDeploy } from "./codedeploy-deploy.js";
import type { Inputs } from "./context.js";
import { type DeployReport, deploy } from "./deploy.js";
import { registerOnly } from "./register-only.js";
import { runOneOffTasks } from "./run-task-step.js";

export async function deployStep(inputs: Inputs, report: DeployReport): Promise<void> {
  for (const alias of inputs.aliasesUsed)
    core.info(`note: ${alias} is read as amazon-ecs-deploy-task-definition names it`);
  const options = {
    region: inputs.region,
    ...(inputs.dropIn.maxAttempts ? { maxAttempts: inputs.dropIn.maxAttempts } : {}),
  };
  const ecs = createEcsClient(options);
  if (!inputs.service) return registerOnly(inputs, ecs, report);
  const service = await describeService(ecs, { cluster: inputs.cluster, service: inputs.service }, [
    "ECS",
    "CODE_DEPLOY",
  ]);
  if (service.deploymentController?.type === "CODE_DEPLOY") {
    return deployWithCodeDeploy(inputs, ecs, createCodeDeployClient(options), service, report);
  }
  return deploy(inputs, ecs, report, {
    afterRegister: async (arn, rendered) => {
      if (!inputs.dropIn.runTask) return;
      report.runTask = { taskArns: [], failures: [] };
      await runOneOffTasks(inputs, ecs, arn, rendered, report.runTask);
    },
  });
}
