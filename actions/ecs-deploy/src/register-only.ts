// No service: the task definition is rendered, checked against the policy and registered (unless
// it equals the family's latest revision), and run as one-off tasks when run-task asks; as
// amazon-ecs-deploy-task-definition does without `service`.
import * as core from "@actions/core";
import type { ECSClient } from "@aws-sdk/client-ecs";
import { describeTaskDefinition } from "@shipshape/aws";
import { workspaceOf } from "@shipshape/action-kit";
import type { Inputs } from "./context.js";
import type { DeployReport } from "./deploy.js";
import { checkPolicy } from "./policy-gate.js";
import { runOneOffTasks } from "./run-task-step.js";
import { registerRevision, renderRevision, reviewRevision } from "./revision-steps.js";

export async function registerOnly(inputs: Inputs, ecs: ECSClient, report: DeployReport): Promise<void> {
  const { loaded, rendered } = await renderRevision(inputs, ecs, undefined, report);
  const current = await latestRevision(ecs, rendered.family ?? "");
  report.previousTaskDefinitionArn = current?.arn;
  if (inputs.policy.kind !== "off") report.policy = checkPolicy(inputs.policy, workspaceOf(), { loaded, rendered });
  if (reviewRevision(inputs, rendered, current, report, "registered or run") === "dry-run") return;
  const arn = await registerRevision(ecs, rendered, current, report);
  // No service: task-definition-arn names the revision registered (or kept), as the anchor's does.
  report.serviceTaskDefinitionArn = arn;
  if (inputs.dropIn.runTask) {
    report.runTask = { taskArns: [], failures: [] };
    await runOneOffTasks(inputs, ecs, arn, rendered, report.runTask);
  } else {
    core.info("no service given: the task definition is registered, nothing is deployed");
  }
}

/** The family's latest ACTIVE revision, or undefined when the family has none. */
async function latestRevision(ecs: ECSClient, family: string) {
  try {
    return await describeTaskDefinition(ecs, family);
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    if (cause?.name === "ClientException" || /not found|Unable to describe/i.test((error as Error).message))
      return undefined;
    throw error;
  }
}
