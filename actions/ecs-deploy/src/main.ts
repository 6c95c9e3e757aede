// The step: read the inputs, deploy, then set the outputs and write the job summary, whether the
// deploy succeeded or not. The deploy and the summary, and with them the AWS SDK and the policy
// check, load only once the inputs are read, so bad inputs fail at once.
import * as runner from "@shipshape/runner";
import { type Inputs, readInputs } from "./context.js";
import type { DeployReport } from "./deploy.js";

export async function run(): Promise<void> {
  const report: DeployReport = {};
  let inputs: Inputs | undefined;
  let failure: string | undefined;
  try {
    inputs = readInputs();
    const { deploy } = await import("./deploy.js");
    const { createEcsClient } = await import("@shipshape/aws");
    await deploy(inputs, createEcsClient({ region: inputs.region }), report);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    runner.setFailed(failure);
    if (error instanceof Error && error.stack) runner.debug(error.stack);
  }
  setOutputs(report);
  if (!inputs) return;
  try {
    const { writeSummary } = await import("./summary.js");
    writeSummary(inputs, report, failure);
  } catch (error) {
    runner.warning(`could not write the job summary: ${(error as Error).message}`);
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
  for (const [name, value] of Object.entries(outputsOf(report))) runner.setOutput(name, value);
}
