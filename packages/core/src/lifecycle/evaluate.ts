import { indexDigests } from "./internal-digest-index.js";
import { type HeldImage, holdReferencedImages } from "./internal-manifest-lists.js";
import { ActedImageEntry, KeptImageEntry, olderThanLimit, type RuleNotes } from "./internal-reasons.js";
import { sortNewestFirst } from "./internal-newest-first.js";
import { orderTime, storageClassOf } from "./internal-times.js";
import { tagFilter } from "./tag-match.js";
import type {
  ActedImage,
  ImageInfo,
  KeptImage,
  KeptReason,
  LifecycleActionType,
  LifecycleOutcome,
  LifecyclePolicy,
  LifecycleRule,
  RuleOutcome,
  StorageClass,
} from "./types.js";

// Images are handled by their index in the input list: per-image state lives in typed arrays, and
// the explanations in words are computed only when someone reads them (internal-reasons.ts).

const NONE = -1;

/** One rule looked at alone: the images its filter identifies, and which of them it marks. */
interface RuleView extends RuleNotes {
  /** Pool images (indices), newest first. */
  pool: number[];
}

/** Indices of the images in `storageClass`, newest first; equal times fall back to the digest. */
function newestFirst(
  images: readonly ImageInfo[],
  classes: readonly (StorageClass | "restoring")[],
  storageClass: StorageClass,
) {
  const indices: number[] = [];
  const times = new Float64Array(images.length);
  images.forEach((image, index) => {
    if (classes[index] !== storageClass) return;
    indices.push(index);
    times[index] = orderTime(image, storageClass);
  });
  // The digest tie-break keeps the outcome independent of input order.
  return sortNewestFirst(indices, times, (index) => (images[index] as ImageInfo).imageDigest);
}

function viewRule(
  rule: LifecycleRule,
  images: readonly ImageInfo[],
  classes: readonly (StorageClass | "restoring")[],
  ordered: readonly number[],
  now: number,
): RuleView {
  const { selection } = rule;
  const storageClass = selection.storageClass ?? "standard";
  const matches = tagFilter(selection);
  const byAge = selection.countType !== "imageCountMoreThan";
  const identifies = new Uint8Array(images.length);
  const marked = new Uint8Array(images.length);
  // In input order, the order the images lie in memory; the pool then keeps the newest-first order.
  images.forEach((image, index) => {
    if (classes[index] !== storageClass || !matches(image.imageTags)) return;
    identifies[index] = 1;
    if (byAge && olderThanLimit(rule, image, now)) marked[index] = 1;
  });
  const pool = ordered.filter((index) => identifies[index] === 1);
  const view: RuleView = { rule, storageClass, pool, marked, now };
  if (!byAge) {
    // Counted over the whole pool, images that higher rules identify included ("Rules can never
    // mark images that are marked by higher priority rules, but can still identify them").
    const places = new Int32Array(images.length);
    pool.forEach((index, place) => {
      places[index] = place;
      if (place >= selection.countNumber) marked[index] = 1;
    });
    view.places = places;
  }
  return view;
}

/**
 * What a lifecycle policy does to a repository's images at `now`, following the AWS ECR User
 * Guide ("How lifecycle policies work", "Lifecycle policy evaluation rules", and the examples):
 * every rule identifies its pool and marks images on its own; then, in ascending rulePriority, a
 * rule acts only on marked images that no higher-priority rule identified; finally images that a
 * staying manifest list references are held back. Validate the policy first: this function
 * evaluates whatever it is given. Linear in the images but for one sort per storage class; the
 * reasons (`ActedImage.reason`, `KeptImage.message`) are worded when read.
 */
export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: ImageInfo[], now: Date): LifecycleOutcome {
  const nowMillis = now.getTime();
  if (Number.isNaN(nowMillis)) throw new TypeError("now is not a valid date");
  const digests = images.map((image) => image.imageDigest);
  const digestIndex = indexDigests(digests);
  if (digestIndex.duplicate !== undefined) throw new RangeError(`image ${digestIndex.duplicate} is listed twice`);
  const classes = images.map(storageClassOf);

  const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
  const ordered = new Map<StorageClass, number[]>();
  const views = rules.map((rule) => {
    const storageClass = rule.selection.storageClass ?? "standard";
    let order = ordered.get(storageClass);
    if (!order) {
      order = newestFirst(images, classes, storageClass);
      ordered.set(storageClass, order);
    }
    return viewRule(rule, images, classes, order, nowMillis);
  });

  // The first (highest-priority) rule that identifies an image owns it: only that rule may act on it.
  const owner = new Int32Array(images.length).fill(NONE);
  const plannedRule = new Int32Array(images.length).fill(NONE);
  views.forEach((view, ruleIndex) => {
    for (const index of view.pool) {
      if (owner[index] === NONE) owner[index] = ruleIndex;
      if (owner[index] === ruleIndex && view.marked[index] === 1) plannedRule[index] = ruleIndex;
    }
  });
  const actions = views.map((view) => view.rule.action.type);
  const held = holdReferencedImages(plannedRule, actions, images, digestIndex.index, classes);

  const ruleOutcomes: RuleOutcome[] = views.map((view, ruleIndex) => {
    const identified = view.pool.map((index) => digests[index] as string);
    const marked: string[] = [];
    const acted: ActedImage[] = [];
    for (const index of view.pool) {
      if (view.marked[index] === 1) marked.push(digests[index] as string);
      if (plannedRule[index] === ruleIndex) acted.push(new ActedImageEntry(images[index] as ImageInfo, view, index));
    }
    return {
      rulePriority: view.rule.rulePriority,
      ...(view.rule.description === undefined ? {} : { description: view.rule.description }),
      action: view.rule.action.type,
      storageClass: view.storageClass,
      identified,
      marked,
      images: acted,
    };
  });

  const kept: KeptImage[] = [];
  images.forEach((image, index) => {
    if (plannedRule[index] !== NONE) return;
    const hold = held.get(index);
    const reason = keptReason(index, views, owner[index] as number, hold, classes);
    kept.push(new KeptImageEntry(image, reason, views, index, hold?.ruleIndex ?? (owner[index] as number)));
  });

  const digestsActedWith = (action: LifecycleActionType) => {
    const digests: string[] = [];
    for (const rule of ruleOutcomes) {
      if (rule.action !== action) continue;
      for (const image of rule.images) digests.push(image.imageDigest);
    }
    return digests;
  };
  return {
    rules: ruleOutcomes,
    kept,
    expiredDigests: digestsActedWith("expire"),
    transitionedDigests: digestsActedWith("transition"),
  };
}

function keptReason(
  index: number,
  views: readonly RuleView[],
  ownerIndex: number,
  hold: HeldImage | undefined,
  classes: readonly (StorageClass | "restoring")[],
): KeptReason {
  if (classes[index] === "restoring") return { kind: "restoring" };
  if (hold) {
    const { rulePriority } = (views[hold.ruleIndex] as RuleView).rule;
    return { kind: "referenced-by-manifest-list", rulePriority, manifestLists: hold.manifestLists };
  }
  if (ownerIndex === NONE) return { kind: "unmatched" };
  const shadowedBy: number[] = [];
  for (let lower = ownerIndex + 1; lower < views.length; lower++) {
    const view = views[lower] as RuleView;
    if (view.marked[index] === 1) shadowedBy.push(view.rule.rulePriority);
  }
  return { kind: "kept-by-rule", rulePriority: (views[ownerIndex] as RuleView).rule.rulePriority, shadowedBy };
}
