/**
 * The ECR side: registry credentials, repositories (create, drift), retagging without pulling,
 * image listing, lifecycle policies, and the images ECS services use (never to be expired).
 *
 *   const { ecr, ecs } = createEcrClients({ region });
 *   const [login] = await getRegistryCredentials(ecr);
 *   const repo = await ensureRepository(ecr, { repositoryName: "app", scanOnPush: true }, { create: true });
 *   const plan = await planLifecyclePolicy({ ecr, ecs, ...repo, policy, protectClusters: ["prod"] });
 */
export {
  createEcrClients,
  createEcrPublicClient,
  ECR_PUBLIC_API_REGION,
  ECR_PUBLIC_REGISTRY,
  type EcrClients,
} from "./clients.js";
export {
  decodeAuthorizationToken,
  getPublicRegistryCredentials,
  getRegistryCredentials,
  type RegistryCredentials,
} from "./authorization.js";
export {
  describeDrift,
  findRepositoryDrift,
  type DriftedSetting,
  type EncryptionType,
  type RepositoryDrift,
  type RepositorySettings,
  type TagMutability,
} from "./repository-settings.js";
export {
  describeRepository,
  ensureRepository,
  type EnsuredRepository,
  type EnsureRepositoryOptions,
} from "./repository.js";
export { MANIFEST_MEDIA_TYPES, retagImage, type RetagRequest, type RetagResult } from "./retag.js";
export { addImageDetails, listImageColumns, toImageInfo, type RepositoryRef } from "./images.js";
export { getLifecyclePolicy, putLifecyclePolicy } from "./lifecycle-policy.js";
export { findImagesInUse, type ImageUse } from "./images-in-use.js";
export {
  describeImageUses,
  findLifecycleConflicts,
  findProtectedImages,
  parseImageReference,
  type ImageReference,
  type LifecycleConflict,
  type ProtectedImage,
} from "./protected-images.js";
export {
  applyLifecyclePolicy,
  planLifecyclePolicy,
  type LifecycleApplication,
  type LifecyclePlan,
  type LifecyclePlanRequest,
} from "./lifecycle-plan.js";
