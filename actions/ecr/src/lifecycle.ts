import * as core from "@actions/core";
import { applyLifecyclePolicy, type EcrClients, planLifecyclePolicy } from "@shipshape/aws";
import { type LifecyclePolicy, lifecycleEvaluationLines } from "@shipshape/core";
import type { Inputs } from "./context.js";
import { describeConflict } from "./lifecycle-conflict.js";
import { logLines } from "./log-lines.js";
import type { StepReport } from "./step-report.js";

/**
 * Previews the policy on the repository's images and, in apply mode, puts it; refuses (throws)
 * when it would expire or archive an image the services of protect-clusters use.
 */
export async function runLifecyclePolicy(
  inputs: Inputs,
  policy: LifecyclePolicy,
  clients: EcrClients,
  repository: { registryId: string | undefined; uri: string },
  report: StepReport,
): Promise<void> {
  const request = {
    ecr: clients.ecr,
    ecs: clients.ecs,
    repositoryName: inputs.repository,
    ...(repository.registryId ? { registryId: repository.registryId } : {}),
    repositoryUri: repository.uri,
    policy,
    protectClusters: inputs.protectClusters,
  };
  const result =
    inputs.lifecycleMode === "apply"
      ? await applyLifecyclePolicy(request)
      : { ...(await planLifecyclePolicy(request)), applied: false };
  report.lifecycle = { mode: inputs.lifecycleMode, plan: result, applied: result.applied };
  core.setOutput("expired-count", String(result.evaluation.expiredCount));

  await core.group(`Lifecycle policy ${inputs.lifecycleMode} on ${inputs.repository}`, async () => {
    // The lines are worded as they are written, a megabyte a write: the log of a million images
    // is the same, line for line, as one core.info per line, without a million writes.
    logLines(lifecycleEvaluationLines(result.evaluation));
  });
  for (const conflict of result.conflicts) {
    const message = describeConflict(conflict);
    if (inputs.lifecycleMode === "apply") core.error(message);
    else core.warning(message);
  }
  if (inputs.lifecycleMode === "apply") {
    if (!result.applied) {
      throw new Error(
        `lifecycle policy not applied: it would remove ${result.conflicts.length} image(s) that services of ${inputs.protectClusters.join(", ")} use`,
      );
    }
    core.info(`Applied the lifecycle policy to ${inputs.repository}`);
  }
}
