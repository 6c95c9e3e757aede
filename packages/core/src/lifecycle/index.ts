/**
 * The ECR lifecycle policy evaluator, pure: validate a policy as PutLifecyclePolicy would, and work
 * out what it expires or archives in a repository, following the AWS ECR User Guide.
 *
 *   const { policy, problems } = readLifecyclePolicy(JSON.parse(text));
 *   const evaluation = evaluateImageColumns(policy, readImageColumnsJson(bytes).columns, new Date());
 *   for (const line of lifecycleEvaluationLines(evaluation)) console.log(line);
 *
 * The columns keep no object per image (a repository may hold a million); columnsFromImages makes
 * them from ImageInfo objects, and evaluateLifecyclePolicy answers as objects (tests, small lists).
 */
export type {
  ActedImage,
  CountType,
  ImageInfo,
  KeptImage,
  KeptReason,
  LifecycleAction,
  LifecycleActionType,
  LifecycleOutcome,
  LifecyclePath,
  LifecyclePolicy,
  LifecycleProblem,
  LifecycleRule,
  LifecycleSelection,
  RuleOutcome,
  StorageClass,
  TagStatus,
  Timestamp,
} from "./types.js";
export { MAX_LIFECYCLE_RULES, readLifecyclePolicy, validateLifecyclePolicy } from "./validate.js";
export { MIN_ARCHIVE_DAYS } from "./validate-selection.js";
export { evaluateLifecyclePolicy } from "./evaluate.js";
export { evaluateImageColumns, LifecycleEvaluation, type RuleEvaluation } from "./evaluate-columns.js";
export {
  addImageInfo,
  columnsFromImages,
  type ImageColumns,
  ImageColumnsBuilder,
  IN_ARCHIVE,
  IN_STANDARD,
  RESTORING,
  tagsAt,
} from "./image-columns.js";
export {
  countWildcards,
  MAX_PATTERN_WILDCARDS,
  matchesTagPattern,
  matchesTagPrefix,
  selectionMatchesTags,
} from "./tag-match.js";
export { formatLifecyclePath, lifecycleEvaluationLines, shortDigest } from "./describe.js";
export {
  type ImageColumnsReading,
  type ImageDetailsReading,
  readImageColumnsJson,
  readImageDetails,
} from "./image-details.js";
