// The step: read the inputs, deploy, then set the outputs and write the job summary, whether the
// deploy succeeded or not. The deploy and the summary, and with them the AWS SDK and the policy
// check, load only once the inputs are read, so bad inputs fail at once.
import * as core from "@actions/core";
import { messageOf, runnerInputs } from "@shipshape/action-kit";
import { type Inputs, parseInputs } from "./context.js";
import type { DeployReport } from "./deploy.js";

export async function main(): Promise<void> {
  const report: DeployReport = {};
  let inputs: Inputs | undefined;
  let failure: string | undefined;
  try {
    inputs = parseInputs(runnerInputs, process.env);
    const { deployStep } = await import(/* webpackMode: "eager" */ "./dispatch.js");
    await deployStep(inputs, report);
  } catch (error) {
    failure = messageOf(error);
    throw error;
  } finally {
    setOutputs(report);
    if (inputs) await writeSummary(inputs, report, failure);
  }
}

async function writeSummary(inputs: Inputs, report: DeployReport, failure: string | undefined): Promise<void> {
  try {
    const { summaryMarkdown } = await import(/* webpackMode: "eager" */ "./summary.js");
    await core.summary.addRaw(summaryMarkdown(inputs, report, failure)).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${messageOf(error)}`);
  }
}

/** The outputs of action.yml, from what the deploy got to. */
export function outputsOf(report: DeployReport): Record<string, string> {
  const unchanged = report.changes?.length === 0 ? report.previousTaskDefinitionArn : undefined;
  return {
    "task-definition-arn": report.registration?.taskDefinitionArn ?? unchanged ?? "",
    "previous-task-definition-arn": report.previousTaskDefinitionArn ?? "",
    "deployment-id": report.deploymentId ?? "",
    "rollout-state": report.rolloutState ?? "",
    registered: String(report.registration?.registered ?? false),
    "service-deployment-arn": report.native?.serviceDeploymentArn ?? "",
    "lifecycle-stage": report.native?.lifecycleStage ?? "",
    // amazon-ecs-deploy-task-definition's outputs
    "codedeploy-deployment-id": report.codeDeploy?.deploymentId ?? "",
    "run-task-arn": report.runTask ? JSON.stringify(report.runTask.taskArns) : "",
  };
}

function setOutputs(report: DeployReport): void {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
}
