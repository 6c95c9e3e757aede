import type { LifecycleConflict } from "@shipshape/aws";
import { describeImageUses } from "@shipshape/aws";
import { shortDigest } from "@shipshape/core";

/** One line for an image the policy would remove while ECS services use it. */
export function describeConflict(conflict: LifecycleConflict): string {
  const tags = conflict.imageTags.length > 0 ? conflict.imageTags.join(", ") : "untagged";
  const verb = conflict.action === "expire" ? "expires" : "archives";
  return `lifecycle rule ${conflict.rulePriority} ${verb} ${shortDigest(conflict.imageDigest)} [${tags}], used by ${describeImageUses(conflict)}`;
}
