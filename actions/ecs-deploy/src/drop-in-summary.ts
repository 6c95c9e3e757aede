// The job summary's sections for run-task and a CodeDeploy deployment.
import { formatContainerFailure, taskIdOf } from "@shipshape/aws";
import { summary } from "@shipshape/report";
import type { DeployReport } from "./deploy.js";

const { code, text } = summary;

export function dropInSections(report: DeployReport): string[] {
  const lines: string[] = [];
  const run = report.runTask;
  if (run && run.taskArns.length > 0) {
    lines.push("### One-off tasks (run-task)", "", ...run.taskArns.map((arn) => `- ${code(taskIdOf(arn))}`), "");
    if (run.failures.length > 0)
      lines.push(...run.failures.map((failure) => `- ❌ ${text(formatContainerFailure(failure))}`), "");
    else if (run.stopped) lines.push("Every essential container exited 0.", "");
  }
  const codeDeploy = report.codeDeploy;
  if (codeDeploy) {
    lines.push(
      "### CodeDeploy",
      "",
      `Application ${code(codeDeploy.application)}, deployment group ${code(codeDeploy.deploymentGroup)}, AppSpec ${text(codeDeploy.appSpec)}.`,
      "",
    );
    if (codeDeploy.deploymentId) lines.push(`Deployment ${code(codeDeploy.deploymentId)}.`, "");
    const result = codeDeploy.result;
    if (result) {
      lines.push(text(result.message), "");
      if (result.lifecycleEvents.length > 0)
        lines.push(...result.lifecycleEvents.map((event) => `- ${text(event)}`), "");
    }
  }
  return lines;
}
