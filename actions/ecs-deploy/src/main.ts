// The step: read the inputs, deploy, then set the outputs and write the job summary, whether the
// deploy succeeded or not.
import * as core from "@actions/core";
import { createEcsClient } from "@shipshape/aws";
import { type Inputs, readInputs } from "./context.js";
import { type DeployReport, deploy } from "./deploy.js";
import { writeSummary } from "./summary.js";

export async function run(): Promise<void> {
  const report: DeployReport = {};
  let inputs: Inputs | undefined;
  let failure: string | undefined;
  try {
    inputs = readInputs();
    await deploy(inputs, createEcsClient({ region: inputs.region }), report);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    core.setFailed(failure);
    if (error instanceof Error && error.stack) core.debug(error.stack);
  }
  setOutputs(report);
  if (!inputs) return;
  try {
    await writeSummary(inputs, report, failure);
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
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
  };
}

function setOutputs(report: DeployReport): void {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
}
