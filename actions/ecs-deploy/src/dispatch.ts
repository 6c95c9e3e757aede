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
import type { StepDeadline } from "./step-deadline.js";

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

/**
 * `ecs` is aborted by a cancel only; with a deadline, every call up to the service update goes
 * through a second client that the deadline aborts too, and the step stops waiting at the deadline.
 */
export async function deployStep(
  inputs: Inputs,
  ecs: ECSClient,
  report: DeployReport,
  signal?: AbortSignal,
  deadline?: StepDeadline,
): Promise<void> {
  for (const alias of inputs.aliasesUsed)
    core.info(`note: ${alias} is read as amazon-ecs-deploy-task-definition names it`);
  const bounded = deadline ? ecsClientFor(inputs, deadline.signal) : ecs;
  const withinDeadline = <T>(work: Promise<T>): Promise<T> => (deadline ? deadline.race(work) : work);
  if (!inputs.service) return withinDeadline(registerOnly(inputs, bounded, report));
  report.phase = "reading the service";
  const service = await withinDeadline(
    describeService(
      bounded,
      { cluster: inputs.cluster, service: inputs.service },
      {
        controllers: ["ECS", "CODE_DEPLOY"],
        ...(signal ? { abortSignal: signal } : {}),
      },
    ),
  );
  if (service.deploymentController?.type === "CODE_DEPLOY") {
    return deployWithCodeDeploy(inputs, ecs, createCodeDeployClient(clientOptions(inputs, signal)), service, report);
  }
  return deploy(inputs, bounded, report, {
    service,
    ...(signal ? { signal, rollbackClient: () => ecsClientFor(inputs) } : {}),
    ...(deadline ? { deadline, watchClient: ecs } : {}),
    hooks: {
      afterRegister: async (arn, rendered) => {
        if (!inputs.dropIn.runTask) return;
        report.runTask = { taskArns: [], failures: [] };
        await runOneOffTasks(inputs, bounded, arn, rendered, report.runTask);
      },
    },
  });
}
