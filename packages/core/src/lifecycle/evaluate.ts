import { type HeldImage, holdReferencedImages, type PlannedAction } from "./internal-manifest-lists.js";
import { ageBasis, DAY_MS, formatDays, orderTime, ordinal, storageClassOf } from "./internal-times.js";
import { selectionMatchesTags } from "./tag-match.js";
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

/** One rule looked at alone: the images its filter identifies, and for each why it marks or keeps it. */
interface RuleView {
  rule: LifecycleRule;
  storageClass: StorageClass;
  /** Pool images, newest first. */
  identified: ImageInfo[];
  marked: Set<string>;
  /** For every pool image, the rule's own reason to mark or to keep it. */
  notes: Map<string, string>;
}

function viewRule(
  rule: LifecycleRule,
  images: readonly ImageInfo[],
  classes: ReadonlyMap<string, StorageClass | "restoring">,
  now: number,
): RuleView {
  const { selection } = rule;
  const storageClass = selection.storageClass ?? "standard";
  const identified = images
    .filter((image) => classes.get(image.imageDigest) === storageClass)
    .filter((image) => selectionMatchesTags(selection, image.imageTags))
    .map((image) => ({ image, time: orderTime(image, storageClass) }))
    // Newest first; equal times fall back to the digest so the outcome never depends on input order.
    .sort((a, b) => b.time - a.time || (a.image.imageDigest < b.image.imageDigest ? -1 : 1))
    .map(({ image }) => image);
  const marked = new Set<string>();
  const notes = new Map<string, string>();
  const limit = selection.countNumber;

  identified.forEach((image, index) => {
    if (selection.countType === "imageCountMoreThan") {
      // Counted over the whole pool, images that higher rules identify included ("Rules can never
      // mark images that are marked by higher priority rules, but can still identify them").
      const place = `${ordinal(index + 1)} newest of ${identified.length}, the rule keeps ${limit}`;
      notes.set(image.imageDigest, place);
      if (index >= limit) marked.add(image.imageDigest);
      return;
    }
    const basis = ageBasis(image, selection.countType);
    if (!basis) {
      notes.set(image.imageDigest, "has no lastArchivedAt to count from");
      return;
    }
    const age = now - basis.since;
    const threshold = formatDays(limit * DAY_MS);
    const event = basis.event === "restored" ? "restored from archive (not pulled since)" : basis.event;
    if (age > limit * DAY_MS) {
      marked.add(image.imageDigest);
      notes.set(image.imageDigest, `${event} ${formatDays(age)} ago, more than ${threshold}`);
    } else {
      notes.set(image.imageDigest, `${event} ${formatDays(Math.max(age, 0))} ago, not more than ${threshold}`);
    }
  });
  return { rule, storageClass, identified, marked, notes };
}

const VERB: Record<LifecycleActionType, string> = { expire: "expire", transition: "archive" };

/**
 * What a lifecycle policy does to a repository's images at `now`, following the AWS ECR User
 * Guide ("How lifecycle policies work", "Lifecycle policy evaluation rules", and the examples):
 * every rule identifies its pool and marks images on its own; then, in ascending rulePriority, a
 * rule acts only on marked images that no higher-priority rule identified; finally images that a
 * staying manifest list references are held back. Validate the policy first: this function
 * evaluates whatever it is given.
 */
export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: ImageInfo[], now: Date): LifecycleOutcome {
  const nowMillis = now.getTime();
  if (Number.isNaN(nowMillis)) throw new TypeError("now is not a valid date");
  const classes = new Map<string, StorageClass | "restoring">();
  for (const image of images) {
    if (classes.has(image.imageDigest)) throw new RangeError(`image ${image.imageDigest} is listed twice`);
    classes.set(image.imageDigest, storageClassOf(image));
  }

  const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
  const views = rules.map((rule) => viewRule(rule, images, classes, nowMillis));

  // The first (highest-priority) rule that identifies an image owns it: only that rule may act on it.
  const owner = new Map<string, number>();
  const planned = new Map<string, PlannedAction>();
  views.forEach((view, ruleIndex) => {
    for (const image of view.identified) {
      if (!owner.has(image.imageDigest)) owner.set(image.imageDigest, ruleIndex);
    }
    for (const digest of view.marked) {
      if (owner.get(digest) === ruleIndex) planned.set(digest, { ruleIndex, action: view.rule.action.type });
    }
  });
  const held = holdReferencedImages(planned, images, classes);

  const ruleOutcomes: RuleOutcome[] = views.map((view, ruleIndex) => {
    const acted: ActedImage[] = view.identified
      .filter((image) => planned.get(image.imageDigest)?.ruleIndex === ruleIndex)
      .map((image) => ({
        imageDigest: image.imageDigest,
        imageTags: [...image.imageTags],
        reason: view.notes.get(image.imageDigest) ?? "",
      }));
    return {
      rulePriority: view.rule.rulePriority,
      ...(view.rule.description === undefined ? {} : { description: view.rule.description }),
      action: view.rule.action.type,
      storageClass: view.storageClass,
      identified: view.identified.map((image) => image.imageDigest),
      marked: view.identified.filter((image) => view.marked.has(image.imageDigest)).map((image) => image.imageDigest),
      images: acted,
    };
  });

  const kept: KeptImage[] = images
    .filter((image) => !planned.has(image.imageDigest))
    .map((image) => {
      const { reason, message } = explainKept(image, views, owner, held, classes);
      return { imageDigest: image.imageDigest, imageTags: [...image.imageTags], reason, message };
    });

  const digestsActedWith = (action: LifecycleActionType) =>
    ruleOutcomes
      .filter((rule) => rule.action === action)
      .flatMap((rule) => rule.images.map((image) => image.imageDigest));
  return {
    rules: ruleOutcomes,
    kept,
    expiredDigests: digestsActedWith("expire"),
    transitionedDigests: digestsActedWith("transition"),
  };
}

function explainKept(
  image: ImageInfo,
  views: RuleView[],
  owner: ReadonlyMap<string, number>,
  held: ReadonlyMap<string, HeldImage>,
  classes: ReadonlyMap<string, StorageClass | "restoring">,
): { reason: KeptReason; message: string } {
  const digest = image.imageDigest;
  if (classes.get(digest) === "restoring") {
    return {
      reason: { kind: "restoring" },
      message: "being restored from archive (ACTIVATING); no rule acts on it yet",
    };
  }
  const hold = held.get(digest);
  if (hold) {
    const view = views[hold.ruleIndex] as RuleView;
    return {
      reason: {
        kind: "referenced-by-manifest-list",
        rulePriority: view.rule.rulePriority,
        manifestLists: hold.manifestLists,
      },
      message:
        `rule ${view.rule.rulePriority} would ${VERB[view.rule.action.type]} it (${view.notes.get(digest)}), but ` +
        `manifest list ${hold.manifestLists.join(", ")} that references it stays`,
    };
  }
  const ownerIndex = owner.get(digest);
  if (ownerIndex === undefined) return { reason: { kind: "unmatched" }, message: "no rule identifies it" };
  const view = views[ownerIndex] as RuleView;
  const shadowing = views.slice(ownerIndex + 1).filter((lower) => lower.marked.has(digest));
  const shadowedBy = shadowing.map((lower) => lower.rule.rulePriority);
  let message = `rule ${view.rule.rulePriority} identifies it and keeps it (${view.notes.get(digest)})`;
  if (shadowing.length > 0) {
    const lowerRules = shadowing.map((lower) => `rule ${lower.rule.rulePriority} (${lower.notes.get(digest)})`);
    message += `; ${lowerRules.join(" and ")} may not act on an image a higher-priority rule identifies`;
  }
  return { reason: { kind: "kept-by-rule", rulePriority: view.rule.rulePriority, shadowedBy }, message };
}
