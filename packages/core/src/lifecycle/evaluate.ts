import { evaluateImageColumns, type LifecycleEvaluation } from "./evaluate-columns.js";
import { columnsFromImages } from "./image-columns.js";
import type {
  ActedImage,
  ImageInfo,
  KeptImage,
  KeptReason,
  LifecycleActionType,
  LifecycleOutcome,
  LifecyclePolicy,
  RuleOutcome,
} from "./types.js";

/**
 * What a lifecycle policy does to a repository's images at `now`: evaluateImageColumns
 * (evaluate-columns.ts) on the images as columns, answered as objects. The reasons
 * (`ActedImage.reason`, `KeptImage.message`) are worded when read. Validate the policy first.
 */
export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: ImageInfo[], now: Date): LifecycleOutcome {
  const evaluation = evaluateImageColumns(policy, columnsFromImages(images), now);
  const { digests } = evaluation.columns;
  const rules: RuleOutcome[] = evaluation.rules.map(({ rule, storageClass, pool, marked, acted }, ruleIndex) => {
    const identified: string[] = [];
    const markedDigests: string[] = [];
    for (const index of pool) {
      identified.push(digests[index] as string);
      if (marked[index] === 1) markedDigests.push(digests[index] as string);
    }
    const actedImages: ActedImage[] = [];
    for (const index of acted)
      actedImages.push(new ActedImageEntry(images[index] as ImageInfo, evaluation, ruleIndex, index));
    return {
      rulePriority: rule.rulePriority,
      ...(rule.description === undefined ? {} : { description: rule.description }),
      action: rule.action.type,
      storageClass,
      identified,
      marked: markedDigests,
      images: actedImages,
    };
  });
  const kept: KeptImage[] = [];
  for (const index of evaluation.kept) kept.push(new KeptImageEntry(images[index] as ImageInfo, evaluation, index));
  const digestsActedWith = (action: LifecycleActionType) => {
    const acted: string[] = [];
    for (const rule of rules) {
      if (rule.action !== action) continue;
      for (const image of rule.images) acted.push(image.imageDigest);
    }
    return acted;
  };
  return {
    rules,
    kept,
    expiredDigests: digestsActedWith("expire"),
    transitionedDigests: digestsActedWith("transition"),
  };
}

// The entries word their reason in a getter, an own enumerable property so that they compare and
// serialize as plain objects. imageTags is the input image's own array (a million copies would
// cost ~50 MB).

class ActedImageEntry implements ActedImage {
  readonly imageDigest: string;
  readonly imageTags: string[];
  declare readonly reason: string;
  readonly #evaluation: LifecycleEvaluation;
  readonly #ruleIndex: number;
  readonly #index: number;

  constructor(image: ImageInfo, evaluation: LifecycleEvaluation, ruleIndex: number, index: number) {
    this.imageDigest = image.imageDigest;
    this.imageTags = image.imageTags;
    this.#evaluation = evaluation;
    this.#ruleIndex = ruleIndex;
    this.#index = index;
    Object.defineProperty(this, "reason", ActedImageEntry.#reason);
  }

  static readonly #reason = {
    enumerable: true,
    get(this: ActedImageEntry): string {
      return this.#evaluation.actedReason(this.#ruleIndex, this.#index);
    },
  };
}

class KeptImageEntry implements KeptImage {
  readonly imageDigest: string;
  readonly imageTags: string[];
  readonly reason: KeptReason;
  declare readonly message: string;
  readonly #evaluation: LifecycleEvaluation;
  readonly #index: number;

  constructor(image: ImageInfo, evaluation: LifecycleEvaluation, index: number) {
    this.imageDigest = image.imageDigest;
    this.imageTags = image.imageTags;
    this.reason = evaluation.keptReason(index);
    this.#evaluation = evaluation;
    this.#index = index;
    Object.defineProperty(this, "message", KeptImageEntry.#message);
  }

  static readonly #message = {
    enumerable: true,
    get(this: KeptImageEntry): string {
      return this.#evaluation.keptMessage(this.#index, this.reason);
    },
  };
}
