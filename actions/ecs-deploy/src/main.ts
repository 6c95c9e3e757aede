// The step: read the inputs, deploy, then set the outputs and write the job summary, whether the
// deploy succeeded, failed or was cancelled. The deploy and the summary, and with them the AWS SDK
// and the policy check, load only once the inputs are read, so bad inputs fail at once.
import * as core from "@actions/core";
import type { ECSClient } from "@aws-sdk/client-ecs";
import { messageOf, runnerInputs } from "@shipshape/action-kit";
import { type Inputs, parseInputs } from "./context.js";
import type { DeployReport } from "./deploy.js";
import { DeadlinePassed, StepDeadline } from "./step-deadline.js";

/** The step's deadline from timeout-minutes; tests pass one they end themselves. */
export type DeadlineOf = (timeoutMinutes: number, cancel: AbortSignal) => StepDeadline;
const startDeadline: DeadlineOf = (timeoutMinutes, cancel) => new StepDeadline(timeoutMinutes, cancel);

export async function main(
  signal: AbortSignal = new AbortController().signal,
  deadlineOf: DeadlineOf = startDeadline,
): Promise<void> {
  const report: DeployReport = {};
  let inputs: Inputs | undefined;
  let ecs: ECSClient | undefined;
  let failure: string | undefined;
  try {
    inputs = parseInputs(runnerInputs, process.env);
    const deadline = deadlineOf(inputs.timeoutMinutes, signal);
    const { deployStep, ecsClientFor } = await import(/* webpackMode: "eager" */ "./dispatch.js");
    ecs = ecsClientFor(inputs, signal);
    await deployStep(inputs, ecs, report, signal, deadline);
  } catch (error) {
    if (signal.aborted && inputs) {
      failure = cancelledMessage(messageOf(signal.reason), inputs, report);
      throw new Error(failure);
    }
    if (error instanceof DeadlinePassed && inputs && ecs) {
      const { settleAfterDeadline } = await import(/* webpackMode: "eager" */ "./deploy.js");
      const after = await settleAfterDeadline(ecs, inputs, report);
      if (report.updated) report.rolloutState = "TIMED_OUT";
      failure = stoppedMessage(error.message, inputs, report, after);
      throw new Error(failure, { cause: error });
    }
    failure = messageOf(error);
    throw error;
  } finally {
    if (ecs && inputs && failure && !signal.aborted) {
      const { settleServiceRevision } = await import(/* webpackMode: "eager" */ "./deploy.js");
      await settleServiceRevision(ecs, inputs, report);
    }
    setOutputs(report);
    if (inputs) await writeSummary(inputs, report, failure);
  }
}

/** What was in progress when the runner cancelled the step, and what ECS goes on doing. */
export function cancelledMessage(reason: string, inputs: Inputs, report: DeployReport): string {
  const after = report.updated
    ? "ECS goes on with the deployment; nothing was rolled back"
    : report.updateSent
      ? "UpdateService was sent and did not answer: the service may be deploying the new revision"
      : "the service was not updated";
  return stoppedMessage(reason, inputs, report, after);
}

/** Why the step stopped, what it was doing, and what it left the service with. */
function stoppedMessage(reason: string, inputs: Inputs, report: DeployReport, after: string): string {
  const facts = [`service ${inputs.service} in cluster ${inputs.cluster}`];
  if (report.deploymentId) facts.push(`deployment ${report.deploymentId}`);
  if (report.registration) facts.push(`revision ${report.registration.taskDefinitionArn}`);
  return `${reason} while ${report.phase ?? "starting"} (${facts.join(", ")}): ${after}`;
}

async function writeSummary(inputs: Inputs, report: DeployReport, failure: string | undefined): Promise<void> {
  try {
    const { summaryMarkdown } = await import(/* webpackMode: "eager" */ "./summary.js");
    await core.summary.addRaw(summaryMarkdown(inputs, report, failure)).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${messageOf(error)}`);
  }
}

/** The outputs of action.yml, from what the deploy got to: task-definition-arn is what the service runs at the end. */
export function outputsOf(report: DeployReport): Record<string, string> {
  const running = report.serviceTaskDefinitionArn ?? report.previousTaskDefinitionArn;
  const ours = report.registration?.taskDefinitionArn;
  const rolledBack = report.rollback !== undefined || (report.updated === true && running !== ours);
  return {
    "task-definition-arn": running ?? "",
    "previous-task-definition-arn": report.previousTaskDefinitionArn ?? "",
    "deployment-id": report.deploymentId ?? "",
    "rollout-state": report.rolloutState ?? "",
    registered: String(report.registration?.registered ?? false),
    "service-deployment-arn": report.native?.serviceDeploymentArn ?? "",
    "lifecycle-stage": report.native?.lifecycleStage ?? "",
    // amazon-ecs-deploy-task-definition's outputs
    "codedeploy-deployment-id": report.codeDeploy?.deploymentId ?? "",
    "run-task-arn": report.runTask ? JSON.stringify(report.runTask.taskArns) : "",
    deployed: String(report.deployed === true && running === ours),
    "rolled-back": String(rolledBack),
  };
}

function setOutputs(report: DeployReport): void {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
}
