import type { ImageColumns } from "./image-columns.js";
import { ageBasisAt, ageSinceAt, DAY_MS, formatDays, ordinal } from "./internal-times.js";
import type { KeptReason, LifecycleActionType, LifecycleRule, StorageClass } from "./types.js";

// The reasons in words, built only when read: a preview of a million images prints a few, or all
// of them once, and a job summary none.

/** One rule looked at alone: the images its filter identifies, and which of them it marks. */
export interface RuleView {
  rule: LifecycleRule;
  storageClass: StorageClass;
  now: number;
  /** Pool images (indices), newest first. */
  pool: Int32Array;
  /** imageCountMoreThan only: each pool image's place, newest first, by image index. */
  places?: Int32Array;
  /** 1 at the index of every image the rule marks. */
  marked: Uint8Array;
}

/** Whether a since* rule marks the image: it is older than countNumber days by its count basis. */
export function olderThanLimit(rule: LifecycleRule, columns: ImageColumns, index: number, now: number): boolean {
  // A missing basis is NaN, and NaN is never more than the limit.
  return now - ageSinceAt(columns, index, rule.selection.countType) > rule.selection.countNumber * DAY_MS;
}

/** The rule's own reason to mark or to keep one of its pool images. */
export function ruleNote(view: RuleView, columns: ImageColumns, index: number): string {
  const { selection } = view.rule;
  const limit = selection.countNumber;
  if (selection.countType === "imageCountMoreThan") {
    const place = view.places?.[index] ?? 0;
    return `${ordinal(place + 1)} newest of ${view.pool.length}, the rule keeps ${limit}`;
  }
  const [since, basisEvent] = ageBasisAt(columns, index, selection.countType);
  if (Number.isNaN(since)) return "has no lastArchivedAt to count from";
  const age = view.now - since;
  const threshold = formatDays(limit * DAY_MS);
  const event = basisEvent === "restored" ? "restored from archive (not pulled since)" : basisEvent;
  if (age > limit * DAY_MS) return `${event} ${formatDays(age)} ago, more than ${threshold}`;
  return `${event} ${formatDays(Math.max(age, 0))} ago, not more than ${threshold}`;
}

const VERB: Record<LifecycleActionType, string> = { expire: "expire", transition: "archive" };

/**
 * Why image `index` is kept, in words. `ruleIndex` is the rule that owns the image, or the one a
 * manifest list stops; -1 when there is none.
 */
export function keptMessage(
  reason: KeptReason,
  views: readonly RuleView[],
  columns: ImageColumns,
  index: number,
  ruleIndex: number,
): string {
  if (reason.kind === "restoring") return "being restored from archive (ACTIVATING); no rule acts on it yet";
  if (reason.kind === "unmatched") return "no rule identifies it";
  const view = views[ruleIndex] as RuleView;
  const note = ruleNote(view, columns, index);
  if (reason.kind === "referenced-by-manifest-list") {
    return (
      `rule ${view.rule.rulePriority} would ${VERB[view.rule.action.type]} it (${note}), but ` +
      `manifest list ${reason.manifestLists.join(", ")} that references it stays`
    );
  }
  const message = `rule ${view.rule.rulePriority} identifies it and keeps it (${note})`;
  const shadowing = views.slice(ruleIndex + 1).filter((lower) => lower.marked[index] === 1);
  if (shadowing.length === 0) return message;
  const lowerRules = shadowing.map((lower) => `rule ${lower.rule.rulePriority} (${ruleNote(lower, columns, index)})`);
  return `${message}; ${lowerRules.join(" and ")} may not act on an image a higher-priority rule identifies`;
}
