// The evaluator as it was before the columnar one (commit 71b44fe), kept for tests only: the
// columnar evaluation must answer exactly as this object-per-image one did. Not exported from
// the package.
import { indexDigests, type DigestIndex } from "../internal-digest-index.js";
import { sortNewestFirst } from "../internal-newest-first.js";
import { tagFilter } from "../tag-match.js";
import type {
  ActedImage,
  CountType,
  ImageInfo,
  KeptImage,
  KeptReason,
  LifecycleActionType,
  LifecycleOutcome,
  LifecyclePolicy,
  LifecycleRule,
  RuleOutcome,
  StorageClass,
  Timestamp,
} from "../types.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch; an unreadable timestamp is a caller error and says which image. */
function toMillis(value: Timestamp, imageDigest: string, field: string): number {
  const millis = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(millis)) {
    throw new TypeError(`image ${imageDigest}: ${field} ${JSON.stringify(String(value))} is not a date`);
  }
  return millis;
}

function optionalMillis(image: ImageInfo, field: "lastRecordedPullTime" | "lastArchivedAt" | "lastActivatedAt") {
  const value = image[field];
  return value === undefined ? undefined : toMillis(value, image.imageDigest, field);
}

/** The class an image is in now; an image being restored (ACTIVATING) is in neither. */
function storageClassOf(image: ImageInfo): StorageClass | "restoring" {
  if (image.storageClass) return image.storageClass;
  if (image.imageStatus === "ARCHIVED") return "archive";
  if (image.imageStatus === "ACTIVATING") return "restoring";
  return "standard";
}

/**
 * The time "newest first" sorts by. AWS ECR User Guide, "Lifecycle policy evaluation rules":
 * expiration is ordered by pushed_at_time (transitioned_at_time for archived images), and an image
 * that was archived and restored uses last_activated_at instead of pushed_at_time.
 */
function orderTime(image: ImageInfo, storageClass: StorageClass): number {
  const pushed = toMillis(image.imagePushedAt, image.imageDigest, "imagePushedAt");
  if (storageClass === "archive") return optionalMillis(image, "lastArchivedAt") ?? pushed;
  return optionalMillis(image, "lastActivatedAt") ?? pushed;
}

interface AgeBasis {
  /** The moment the age counts from. */
  since: number;
  /** Which event that moment is, in words. */
  event: "pushed" | "last pulled" | "restored" | "archived";
}

/**
 * What a since* count type measures an image's age from; undefined when the image has no such
 * moment (an image without lastArchivedAt for sinceImageTransitioned).
 */
function ageBasis(image: ImageInfo, countType: CountType): AgeBasis | undefined {
  const pushed = toMillis(image.imagePushedAt, image.imageDigest, "imagePushedAt");
  switch (countType) {
    case "imageCountMoreThan":
      return undefined;
    case "sinceImagePushed":
      return { since: pushed, event: "pushed" };
    case "sinceImagePulled": {
      // AWS ECR User Guide, "Lifecycle policy evaluation rules": the last recorded pull; an image
      // never pulled uses its push time; one restored from archive and not pulled since uses
      // last_activated_at.
      const pulled = optionalMillis(image, "lastRecordedPullTime");
      const activated = optionalMillis(image, "lastActivatedAt");
      if (activated !== undefined && (pulled === undefined || pulled < activated)) {
        return { since: activated, event: "restored" };
      }
      return pulled === undefined ? { since: pushed, event: "pushed" } : { since: pulled, event: "last pulled" };
    }
    case "sinceImageTransitioned": {
      const archived = optionalMillis(image, "lastArchivedAt");
      return archived === undefined ? undefined : { since: archived, event: "archived" };
    }
  }
}

/** "1 day", "20 days", "14.5 days" (floored to a tenth). */
function formatDays(millis: number): string {
  const days = Math.floor((millis / DAY_MS) * 10) / 10;
  return `${days} ${days === 1 ? "day" : "days"}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

interface HeldImage {
  ruleIndex: number;
  /** The referencing manifest lists that stay where they are. */
  manifestLists: string[];
}

type Fate = "expired" | "archive" | "standard" | "restoring" | "unknown";

/**
 * Takes back (plannedRule -1), until nothing changes, every planned action on an image that a staying manifest
 * list references, and returns what it took back. AWS ECR User Guide, "Lifecycle policy evaluation
 * rules": "If an image is referenced by a manifest list, it cannot be expired or archived without
 * the manifest list being deleted or archived first." We read it pairwise: an image may be expired
 * once every list that references it is expired, and archived once every such list is expired or
 * archived. A referencing list that is not among the images given is assumed to stay.
 */
function holdReferencedImages(
  plannedRule: Int32Array,
  actions: readonly LifecycleActionType[],
  images: readonly ImageInfo[],
  digestIndex: DigestIndex,
  classes: readonly (StorageClass | "restoring")[],
): Map<number, HeldImage> {
  const held = new Map<number, HeldImage>();
  const fate = (digest: string): Fate => {
    const index = digestIndex.indexOf(digest);
    if (index === undefined) return "unknown";
    const ruleIndex = plannedRule[index] as number;
    if (ruleIndex >= 0) return actions[ruleIndex] === "expire" ? "expired" : "archive";
    return classes[index] as Fate;
  };
  // Only planned images that lists reference can be held; they are looked at in input order.
  const candidates: number[] = [];
  images.forEach((image, index) => {
    if ((plannedRule[index] as number) >= 0 && image.referencedBy?.length) candidates.push(index);
  });
  let changed = candidates.length > 0;
  while (changed) {
    changed = false;
    for (const index of candidates) {
      const ruleIndex = plannedRule[index] as number;
      if (ruleIndex < 0) continue;
      const action = actions[ruleIndex];
      const staying = ((images[index] as ImageInfo).referencedBy ?? []).filter((list) => {
        const listFate = fate(list);
        return action === "expire" ? listFate !== "expired" : listFate !== "expired" && listFate !== "archive";
      });
      if (staying.length === 0) continue;
      plannedRule[index] = -1;
      held.set(index, { ruleIndex, manifestLists: staying });
      // Taking this action back may keep a list whose children were planned: look again.
      changed = true;
    }
  }
  return held;
}

// The reasons in words are built only when read: a preview of a million images prints a few, or
// all of them once, and a job summary none. The entries below hold what a reason needs and word it
// in a getter, an own enumerable property so that they compare and serialize as plain objects.

/** What a rule's note about one image needs. */
interface RuleNotes {
  rule: LifecycleRule;
  storageClass: StorageClass;
  now: number;
  /** imageCountMoreThan only: each pool image's place, newest first, by image index. */
  places?: Int32Array;
  /** How many images the rule identifies. */
  pool: readonly unknown[];
  /** 1 at the index of every image the rule marks. */
  marked: Uint8Array;
}

/** Whether a since* rule marks the image: it is older than countNumber days by its count basis. */
function olderThanLimit(rule: LifecycleRule, image: ImageInfo, now: number): boolean {
  const basis = ageBasis(image, rule.selection.countType);
  return basis !== undefined && now - basis.since > rule.selection.countNumber * DAY_MS;
}

/** The rule's own reason to mark or to keep one of its pool images. */
function ruleNote(view: RuleNotes, image: ImageInfo, index: number): string {
  const { selection } = view.rule;
  const limit = selection.countNumber;
  if (selection.countType === "imageCountMoreThan") {
    const place = view.places?.[index] ?? 0;
    return `${ordinal(place + 1)} newest of ${view.pool.length}, the rule keeps ${limit}`;
  }
  const basis = ageBasis(image, selection.countType);
  if (!basis) return "has no lastArchivedAt to count from";
  const age = view.now - basis.since;
  const threshold = formatDays(limit * DAY_MS);
  const event = basis.event === "restored" ? "restored from archive (not pulled since)" : basis.event;
  if (age > limit * DAY_MS) return `${event} ${formatDays(age)} ago, more than ${threshold}`;
  return `${event} ${formatDays(Math.max(age, 0))} ago, not more than ${threshold}`;
}

const VERB: Record<LifecycleActionType, string> = { expire: "expire", transition: "archive" };

/** imageTags is the input image's own array (a million copies would cost ~50 MB). */
class ActedImageEntry implements ActedImage {
  readonly imageDigest: string;
  readonly imageTags: string[];
  declare readonly reason: string;
  readonly #image: ImageInfo;
  readonly #view: RuleNotes;
  readonly #index: number;

  constructor(image: ImageInfo, view: RuleNotes, index: number) {
    this.imageDigest = image.imageDigest;
    this.imageTags = image.imageTags;
    this.#image = image;
    this.#view = view;
    this.#index = index;
    Object.defineProperty(this, "reason", ActedImageEntry.#reason);
  }

  static readonly #reason = {
    enumerable: true,
    get(this: ActedImageEntry): string {
      return ruleNote(this.#view, this.#image, this.#index);
    },
  };
}

class KeptImageEntry implements KeptImage {
  readonly imageDigest: string;
  readonly imageTags: string[];
  readonly reason: KeptReason;
  declare readonly message: string;
  readonly #image: ImageInfo;
  readonly #views: readonly RuleNotes[];
  readonly #index: number;
  /** The rule that owns the image, or the one a manifest list stops; -1 when there is none. */
  readonly #ruleIndex: number;

  constructor(image: ImageInfo, reason: KeptReason, views: readonly RuleNotes[], index: number, ruleIndex: number) {
    this.imageDigest = image.imageDigest;
    this.imageTags = image.imageTags;
    this.reason = reason;
    this.#image = image;
    this.#views = views;
    this.#index = index;
    this.#ruleIndex = ruleIndex;
    Object.defineProperty(this, "message", KeptImageEntry.#message);
  }

  static readonly #message = {
    enumerable: true,
    get(this: KeptImageEntry): string {
      return this.#words();
    },
  };

  #words(): string {
    const reason = this.reason;
    if (reason.kind === "restoring") return "being restored from archive (ACTIVATING); no rule acts on it yet";
    if (reason.kind === "unmatched") return "no rule identifies it";
    const view = this.#views[this.#ruleIndex] as RuleNotes;
    const note = ruleNote(view, this.#image, this.#index);
    if (reason.kind === "referenced-by-manifest-list") {
      return (
        `rule ${view.rule.rulePriority} would ${VERB[view.rule.action.type]} it (${note}), but ` +
        `manifest list ${reason.manifestLists.join(", ")} that references it stays`
      );
    }
    const message = `rule ${view.rule.rulePriority} identifies it and keeps it (${note})`;
    const shadowing = this.#views.slice(this.#ruleIndex + 1).filter((lower) => lower.marked[this.#index] === 1);
    if (shadowing.length === 0) return message;
    const lowerRules = shadowing.map(
      (lower) => `rule ${lower.rule.rulePriority} (${ruleNote(lower, this.#image, this.#index)})`,
    );
    return `${message}; ${lowerRules.join(" and ")} may not act on an image a higher-priority rule identifies`;
  }
}

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
export function referenceEvaluateLifecyclePolicy(
  policy: LifecyclePolicy,
  images: ImageInfo[],
  now: Date,
): LifecycleOutcome {
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
