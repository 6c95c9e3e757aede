// A service whose deployment controller is CODE_DEPLOY: the same render, policy gate, diff and
// skip-unchanged as a rolling deploy, then a CodeDeploy blue/green deployment with the AppSpec
// (the repository's, its TaskDefinition set to the new revision, or one generated from the
// service's load balancer), watched to its end.
import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import type { CodeDeployClient } from "@aws-sdk/client-codedeploy";
import { type ECSClient, type Service, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { workspaceOf } from "@shipshape/action-kit";
import {
  appSpecWithTaskDefinition,
  type CodeDeployResult,
  createEcsDeployment,
  deploymentGroupWaitMinutes,
  describeTaskDefinition,
  generatedAppSpec,
  watchEcsDeployment,
} from "@shipshape/aws";
import type { Inputs } from "./context.js";
import type { DeployReport } from "./deploy.js";
import { checkPolicy } from "./policy-gate.js";
import { runOneOffTasks } from "./run-task-step.js";
import { registerRevision, renderRevision, reviewRevision } from "./revision-steps.js";

export interface CodeDeployReport {
  application: string;
  deploymentGroup: string;
  deploymentId?: string;
  /** Where the AppSpec came from: the file, or "generated". */
  appSpec: string;
  result?: CodeDeployResult;
}

/** The longest the anchor waits, deployment group waits included (6 hours). */
const MAX_WAIT_MINUTES = 360;

export async function deployWithCodeDeploy(
  inputs: Inputs,
  ecs: ECSClient,
  codedeploy: CodeDeployClient,
  service: Service,
  report: DeployReport,
): Promise<void> {
  const settings = inputs.dropIn.codeDeploy;
  const current = service.taskDefinition ? await describeTaskDefinition(ecs, service.taskDefinition) : undefined;
  report.previousTaskDefinitionArn = current?.arn;
  const { loaded, rendered } = await renderRevision(inputs, ecs, current, report);
  report.codeDeploy = {
    application: settings.application,
    deploymentGroup: settings.deploymentGroup,
    appSpec: settings.appSpec?.shownPath ?? "generated",
  };
  core.info(
    `service ${inputs.service} deploys with CodeDeploy (${settings.application} / ${settings.deploymentGroup})`,
  );
  if (inputs.policy.kind !== "off") {
    const update = {
      cluster: inputs.cluster,
      service: inputs.service,
      ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
    };
    report.policy = checkPolicy(inputs.policy, workspaceOf(), { loaded, rendered }, { current: service, update });
  }
  // Read before anything is registered: a missing AppSpec stops the step with nothing done.
  const appSpecText = settings.appSpec ? readAppSpec(settings.appSpec) : undefined;
  if (!appSpecText) generatedTarget(service);
  if (reviewRevision(inputs, rendered, current, report, "registered or deployed") === "dry-run") return;

  const arn = await registerRevision(ecs, rendered, current, report);
  if (inputs.dropIn.runTask) {
    report.runTask = { taskArns: [], failures: [] };
    await runOneOffTasks(inputs, ecs, arn, rendered, report.runTask);
  }
  if (inputs.desiredCount !== undefined) {
    await ecs.send(
      new UpdateServiceCommand({ cluster: inputs.cluster, service: inputs.service, desiredCount: inputs.desiredCount }),
    );
  }
  if (!report.registration?.registered && !inputs.forceNewDeployment && service.taskDefinition === arn) {
    core.info(
      "the service already runs this task definition: no CodeDeploy deployment (force-new-deployment starts one)",
    );
    return;
  }

  const appSpec = appSpecText
    ? appSpecWithTaskDefinition(appSpecText, arn, settings.appSpec!.shownPath)
    : generatedAppSpec(arn, generatedTarget(service));
  const target = { application: settings.application, deploymentGroup: settings.deploymentGroup };
  const extraMinutes = inputs.wait ? await deploymentGroupWaitMinutes(codedeploy, target) : 0;
  const deploymentId = await createEcsDeployment(codedeploy, target, appSpec, {
    description: settings.description,
    deploymentConfig: settings.deploymentConfig,
  });
  report.codeDeploy.deploymentId = deploymentId;
  report.rolloutState = "IN_PROGRESS";
  // CodeDeploy moves the service to the new revision: the outputs name it, as the anchor's do.
  report.updated = true;
  report.serviceTaskDefinitionArn = arn;
  core.setOutput("codedeploy-deployment-id", deploymentId);
  core.info(`started CodeDeploy deployment ${deploymentId}`);
  if (!inputs.wait) {
    report.deployed = true;
    return;
  }

  const result = await watchEcsDeployment(codedeploy, {
    deploymentId,
    timeoutMs: Math.min(inputs.timeoutMinutes + extraMinutes, MAX_WAIT_MINUTES) * 60_000,
    ...(inputs.dropIn.maxPollIntervalMs ? { maxPollIntervalMs: inputs.dropIn.maxPollIntervalMs } : {}),
    onProgress: (line) => core.info(line),
  });
  report.codeDeploy.result = result;
  report.rolloutState =
    result.state === "Succeeded" ? "COMPLETED" : result.state === "TIMED_OUT" ? "TIMED_OUT" : "FAILED";
  if (result.state !== "Succeeded") throw new Error(result.message);
  report.deployed = true;
}

function readAppSpec(path: { path: string; shownPath: string }): string {
  try {
    return readFileSync(path.path, "utf8");
  } catch (error) {
    throw new Error(
      `codedeploy-appspec: cannot read ${path.shownPath} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}

/** The container and port of the service's load balancer, for a generated AppSpec. */
function generatedTarget(service: Service): { containerName: string; containerPort: number } {
  const balancer = service.loadBalancers?.find((item) => item.containerName && item.containerPort);
  if (!balancer?.containerName || !balancer.containerPort) {
    throw new Error(
      "codedeploy-appspec: no appspec.yaml in the workspace and the service lists no load balancer container to generate one from; give codedeploy-appspec",
    );
  }
  return { containerName: balancer.containerName, containerPort: balancer.containerPort };
}
