import type { CountType, ImageInfo, StorageClass, Timestamp } from "./types.js";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch; an unreadable timestamp is a caller error and says which image. */
export function toMillis(value: Timestamp, imageDigest: string, field: string): number {
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
export function storageClassOf(image: ImageInfo): StorageClass | "restoring" {
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
export function orderTime(image: ImageInfo, storageClass: StorageClass): number {
  const pushed = toMillis(image.imagePushedAt, image.imageDigest, "imagePushedAt");
  if (storageClass === "archive") return optionalMillis(image, "lastArchivedAt") ?? pushed;
  return optionalMillis(image, "lastActivatedAt") ?? pushed;
}

export interface AgeBasis {
  /** The moment the age counts from. */
  since: number;
  /** Which event that moment is, in words. */
  event: "pushed" | "last pulled" | "restored" | "archived";
}

/**
 * What a since* count type measures an image's age from; undefined when the image has no such
 * moment (an image without lastArchivedAt for sinceImageTransitioned).
 */
export function ageBasis(image: ImageInfo, countType: CountType): AgeBasis | undefined {
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
