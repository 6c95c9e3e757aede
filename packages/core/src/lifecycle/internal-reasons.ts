import { ageBasis, DAY_MS, formatDays, ordinal } from "./internal-times.js";
import type {
  ActedImage,
  ImageInfo,
  KeptImage,
  KeptReason,
  LifecycleActionType,
  LifecycleRule,
  StorageClass,
} from "./types.js";

// The reasons in words are built only when read: a preview of a million images prints a few, or
// all of them once, and a job summary none. The entries below hold what a reason needs and word it
// in a getter, an own enumerable property so that they compare and serialize as plain objects.

/** What a rule's note about one image needs. */
export interface RuleNotes {
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
export function olderThanLimit(rule: LifecycleRule, image: ImageInfo, now: number): boolean {
  const basis = ageBasis(image, rule.selection.countType);
  return basis !== undefined && now - basis.since > rule.selection.countNumber * DAY_MS;
}

/** The rule's own reason to mark or to keep one of its pool images. */
export function ruleNote(view: RuleNotes, image: ImageInfo, index: number): string {
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
export class ActedImageEntry implements ActedImage {
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

export class KeptImageEntry implements KeptImage {
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
