import {
  applyLifecyclePolicy,
  describeImageUses,
  type EcrClients,
  type LifecycleConflict,
  planLifecyclePolicy,
} from "@shipshape/aws";
import { describeLifecycleOutcome, shortDigest } from "@shipshape/core";
import * as runner from "@shipshape/runner";
import type { Inputs } from "./context.js";
import { loadLifecyclePolicy } from "./lifecycle-policy-source.js";
import type { StepReport } from "./summary.js";

/**
 * Previews the policy on the repository's images and, in apply mode, puts it; refuses (throws)
 * when it would expire or archive an image the services of protect-clusters use.
 */
export async function runLifecyclePolicy(
  inputs: Inputs,
  clients: EcrClients,
  repository: { registryId: string | undefined; uri: string },
  report: StepReport,
): Promise<void> {
  const policy = loadLifecyclePolicy(inputs.lifecyclePolicy!);
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
  runner.setOutput("expired-count", String(result.outcome.expiredDigests.length));

  await runner.group(`Lifecycle policy ${inputs.lifecycleMode} on ${inputs.repository}`, async () => {
    for (const line of describeLifecycleOutcome(result.outcome)) runner.info(line);
  });
  for (const conflict of result.conflicts) {
    const message = describeConflict(conflict);
    if (inputs.lifecycleMode === "apply") runner.error(message);
    else runner.warning(message);
  }
  if (inputs.lifecycleMode === "apply") {
    if (!result.applied) {
      throw new Error(
        `lifecycle policy not applied: it would remove ${result.conflicts.length} image(s) that services of ${inputs.protectClusters.join(", ")} use`,
      );
    }
    runner.info(`Applied the lifecycle policy to ${inputs.repository}`);
  }
}

export function describeConflict(conflict: LifecycleConflict): string {
  const tags = conflict.imageTags.length > 0 ? conflict.imageTags.join(", ") : "untagged";
  const verb = conflict.action === "expire" ? "expires" : "archives";
  return `lifecycle rule ${conflict.rulePriority} ${verb} ${shortDigest(conflict.imageDigest)} [${tags}], used by ${describeImageUses(conflict)}`;
}
