// Which deploy the inputs and the service ask for: register only (no service), a rolling update
// (deployment controller ECS), or a CodeDeploy blue/green deployment (CODE_DEPLOY); run-task runs
// between registering and deploying in each.
import * as core from "@actions/core";
import type { ECSClient } from "@aws-sdk/client-ecs";
import { createCodeDeployClient, createEcsClient, describeService } from "@shipshape/aws";
import { deployWithCodeDeploy } from "./codedeploy-deploy.js";
import type { Inputs } from "./context.js";
import { type DeployReport, deploy } from "./deploy.js";
import { registerOnly } from "./register-only.js";
import { runOneOffTasks } from "./run-task-step.js";

/** The AWS clients' settings: the region, max-retries, and the step's cancellation. */
function clientOptions(inputs: Inputs, signal: AbortSignal | undefined) {
  return {
    region: inputs.region,
    ...(inputs.dropIn.maxAttempts ? { maxAttempts: inputs.dropIn.maxAttempts } : {}),
    ...(signal ? { signal } : {}),
  };
}

export function ecsClientFor(inputs: Inputs, signal?: AbortSignal): ECSClient {
  return createEcsClient(clientOptions(inputs, signal));
}

export async function deployStep(
  inputs: Inputs,
  ecs: ECSClient,
  report: DeployReport,
  signal?: AbortSignal,
): Promise<void> {
  for (const alias of inputs.aliasesUsed)
    core.info(`note: ${alias} is read as amazon-ecs-deploy-task-definition names it`);
  if (!inputs.service) return registerOnly(inputs, ecs, report);
  const service = await describeService(ecs, { cluster: inputs.cluster, service: inputs.service }, {
    controllers: ["ECS", "CODE_DEPLOY"],
    ...(signal ? { abortSignal: signal } : {}),
  });
  if (service.deploymentController?.type === "CODE_DEPLOY") {
    return deployWithCodeDeploy(inputs, ecs, createCodeDeployClient(clientOptions(inputs, signal)), service, report);
  }
  return deploy(inputs, ecs, report, {
    service,
    ...(signal ? { signal, rollbackClient: () => ecsClientFor(inputs) } : {}),
    hooks: {
      afterRegister: async (arn, rendered) => {
        if (!inputs.dropIn.runTask) return;
        report.runTask = { taskArns: [], failures: [] };
        await runOneOffTasks(inputs, ecs, arn, rendered, report.runTask);
      },
    },
  });
}
