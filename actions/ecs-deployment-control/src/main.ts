// The step: find the service's deployment that waits at a PAUSE hook, and continue it or roll it
// back with ContinueServiceDeployment ("Continuing service deployments", ECS Developer Guide:
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/continue-service-deployment.html:
// the hook must be AWAITING_ACTION, the deployment IN_PROGRESS, and the hookId comes from
// DescribeServiceDeployments).
import * as core from "@actions/core";
import { runnerInputs } from "@shipshape/action-kit";
import { summary } from "@shipshape/report";
import { parseInputs } from "./context.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(runnerInputs, process.env);
  const { createEcsClient, findPausedDeployment, resolvePausedDeployment } = await import(
    /* webpackMode: "eager" */ "@shipshape/aws"
  );
  const ecs = createEcsClient({ region: inputs.region });
  const ref = { cluster: inputs.cluster, service: inputs.service };
  const paused = await findPausedDeployment(ecs, ref);
  if (!paused) {
    throw new Error(
      `service "${inputs.service}" in cluster "${inputs.cluster}" has no deployment waiting at a PAUSE hook (none IN_PROGRESS with a hook AWAITING_ACTION): nothing to ${inputs.action.toLowerCase()}`,
    );
  }
  const { snapshot, hook } = paused;
  const stage = snapshot.lifecycleStage ?? "";
  core.setOutput("service-deployment-arn", snapshot.serviceDeploymentArn);
  core.setOutput("lifecycle-stage", stage);
  core.setOutput("hook-id", hook.hookId);
  core.info(`service deployment ${snapshot.serviceDeploymentArn} waits at ${stage} (PAUSE hook ${hook.hookId})`);
  await resolvePausedDeployment(ecs, paused, inputs.action);
  const done =
    inputs.action === "CONTINUE" ? "continued to the next lifecycle stage" : "rolled back to the previous service revision";
  core.info(`service deployment ${snapshot.serviceDeploymentArn} ${done}`);
  const icon = inputs.action === "CONTINUE" ? "▶️" : "↩️";
  const markdown = [
    `## ${icon} ECS deployment of ${summary.text(inputs.service)} in ${summary.text(inputs.cluster)} ${done}`,
    "",
    summary.overview([
      ["Service deployment", summary.code(snapshot.serviceDeploymentArn)],
      ["Paused at", summary.code(stage)],
      ["PAUSE hook", summary.code(hook.hookId)],
    ]),
  ].join("\n");
  await core.summary.addRaw(markdown).write();
}
