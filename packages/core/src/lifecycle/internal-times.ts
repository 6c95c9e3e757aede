import type { ImageColumns } from "./image-columns.js";
import { IN_ARCHIVE } from "./image-columns.js";
import type { CountType } from "./types.js";

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The time "newest first" sorts by. AWS ECR User Guide, "Lifecycle policy evaluation rules":
 * expiration is ordered by pushed_at_time (transitioned_at_time for archived images), and an image
 * that was archived and restored uses last_activated_at instead of pushed_at_time.
 */
export function orderTimeAt(columns: ImageColumns, index: number, classCode: number): number {
  const pushed = columns.pushedAt[index] as number;
  const instead = (classCode === IN_ARCHIVE ? columns.archivedAt[index] : columns.activatedAt[index]) as number;
  return Number.isNaN(instead) ? pushed : instead;
}

/** The event a since* count type measures an image's age from, in words. */
export type AgeEvent = "pushed" | "last pulled" | "restored" | "archived";

/**
 * The moment a since* count type measures image `index`'s age from, and which event it is; NaN
 * when the image has no such moment (no lastArchivedAt for sinceImageTransitioned).
 */
export function ageBasisAt(columns: ImageColumns, index: number, countType: CountType): [number, AgeEvent] {
  const pushed = columns.pushedAt[index] as number;
  switch (countType) {
    case "imageCountMoreThan":
      return [Number.NaN, "pushed"];
    case "sinceImagePushed":
      return [pushed, "pushed"];
    case "sinceImagePulled": {
      // AWS ECR User Guide, "Lifecycle policy evaluation rules": the last recorded pull; an image
      // never pulled uses its push time; one restored from archive and not pulled since uses
      // last_activated_at.
      const pulled = columns.pulledAt[index] as number;
      const activated = columns.activatedAt[index] as number;
      if (!Number.isNaN(activated) && (Number.isNaN(pulled) || pulled < activated)) return [activated, "restored"];
      return Number.isNaN(pulled) ? [pushed, "pushed"] : [pulled, "last pulled"];
    }
    case "sinceImageTransitioned":
      return [columns.archivedAt[index] as number, "archived"];
  }
}

/** ageBasisAt's moment alone, without an array: the evaluation asks it of every pool image. */
export function ageSinceAt(columns: ImageColumns, index: number, countType: CountType): number {
  switch (countType) {
    case "sinceImagePushed":
      return columns.pushedAt[index] as number;
    case "sinceImagePulled": {
      const pulled = columns.pulledAt[index] as number;
      const activated = columns.activatedAt[index] as number;
      if (!Number.isNaN(activated) && (Number.isNaN(pulled) || pulled < activated)) return activated;
      return Number.isNaN(pulled) ? (columns.pushedAt[index] as number) : pulled;
    }
    default:
      return ageBasisAt(columns, index, countType)[0];
  }
}

/** "1 day", "20 days", "14.5 days" (floored to a tenth). */
export function formatDays(millis: number): string {
  const days = Math.floor((millis / DAY_MS) * 10) / 10;
  return `${days} ${days === 1 ? "day" : "days"}`;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}
