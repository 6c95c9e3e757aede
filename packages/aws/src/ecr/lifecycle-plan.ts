import type { ECRClient } from "@aws-sdk/client-ecr";
import type { ECSClient } from "@aws-sdk/client-ecs";
import { evaluateImageColumns, type LifecycleEvaluation, type LifecyclePolicy } from "@shipshape/core";
import { listImageColumns } from "./images.js";
import { findImagesInUse } from "./images-in-use.js";
import { putLifecyclePolicy } from "./lifecycle-policy.js";
import {
  findLifecycleConflicts,
  findProtectedImages,
  type LifecycleConflict,
  type ProtectedImage,
} from "./protected-images.js";

export interface LifecyclePlanRequest {
  ecr: ECRClient;
  /** Needed when protectClusters is not empty. */
  ecs?: ECSClient;
  repositoryName: string;
  registryId?: string;
  /** `<registry>/<repository>`, to recognise the repository in task definitions' image fields. */
  repositoryUri: string;
  /** A policy that passed validation (readLifecyclePolicy). */
  policy: LifecyclePolicy;
  /** ECS clusters whose services' images must not be expired or archived. */
  protectClusters?: string[];
  now?: Date;
}

export interface LifecyclePlan {
  /**
   * What the policy does to the repository's images (in evaluation.columns, in DescribeImages
   * order): per rule the images it acts on, the images kept, the reasons on demand.
   */
  evaluation: LifecycleEvaluation;
  protectedImages: ProtectedImage[];
  /** Protected images the policy would expire or archive. */
  conflicts: LifecycleConflict[];
}

/** What the policy would do to the repository's images today, and whether it touches one that services use. */
export async function planLifecyclePolicy(request: LifecyclePlanRequest): Promise<LifecyclePlan> {
  const repository = { repositoryName: request.repositoryName, registryId: request.registryId };
  const columns = await listImageColumns(request.ecr, repository);
  const evaluation = evaluateImageColumns(request.policy, columns, request.now ?? new Date());
  const clusters = request.protectClusters ?? [];
  if (clusters.length > 0 && !request.ecs) throw new Error("planLifecyclePolicy: protectClusters needs an ECS client");
  const uses = clusters.length > 0 && request.ecs ? await findImagesInUse(request.ecs, clusters) : [];
  const protectedImages = findProtectedImages(columns, request.repositoryUri, uses);
  return { evaluation, protectedImages, conflicts: findLifecycleConflicts(evaluation, protectedImages) };
}

export interface LifecycleApplication extends LifecyclePlan {
  /** False when the plan has conflicts: the policy was not put. */
  applied: boolean;
}

/** Plans, then puts the policy only when it expires or archives no protected image. */
export async function applyLifecyclePolicy(request: LifecyclePlanRequest): Promise<LifecycleApplication> {
  const plan = await planLifecyclePolicy(request);
  if (plan.conflicts.length > 0) return { ...plan, applied: false };
  await putLifecyclePolicy(
    request.ecr,
    { repositoryName: request.repositoryName, registryId: request.registryId },
    request.policy,
  );
  return { ...plan, applied: true };
}
