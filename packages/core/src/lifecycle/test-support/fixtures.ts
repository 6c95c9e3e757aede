import { expect } from "vitest";
import { formatLifecyclePath } from "../describe.js";
import type { ImageInfo, LifecycleOutcome, LifecyclePolicy, LifecycleRule, LifecycleSelection } from "../types.js";
import { validateLifecyclePolicy } from "../validate.js";

/** One evaluation case: a policy over a repository's images, and the digests it expires or transitions. */
export interface LifecycleCase {
  name: string;
  policy: LifecyclePolicy;
  images: ImageInfo[];
  expired: string[];
  transitioned?: string[];
}

export const NOW = new Date("2025-06-01T12:00:00.000Z");
const HOUR_MS = 60 * 60 * 1000;

export function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * 24 * HOUR_MS);
}

export function hoursAgo(hours: number): Date {
  return new Date(NOW.getTime() - hours * HOUR_MS);
}

/** An image pushed `pushed` days before NOW (a Date for hour-precise cases). */
export function image(
  imageDigest: string,
  imageTags: string[],
  pushed: number | Date,
  extra: Partial<ImageInfo> = {},
): ImageInfo {
  return { imageDigest, imageTags, imagePushedAt: typeof pushed === "number" ? daysAgo(pushed) : pushed, ...extra };
}

export function expireRule(rulePriority: number, selection: LifecycleSelection, description?: string): LifecycleRule {
  return { rulePriority, ...(description ? { description } : {}), selection, action: { type: "expire" } };
}

export function archiveRule(rulePriority: number, selection: LifecycleSelection): LifecycleRule {
  return { rulePriority, selection, action: { type: "transition", targetStorageClass: "archive" } };
}

export function sorted(digests: readonly string[]): string[] {
  return [...digests].sort();
}

/** What the outcome does, in one comparable object. */
export function summary(outcome: LifecycleOutcome): { expired: string[]; transitioned: string[]; kept: string[] } {
  return {
    expired: sorted(outcome.expiredDigests),
    transitioned: sorted(outcome.transitionedDigests),
    kept: sorted(outcome.kept.map((kept) => kept.imageDigest)),
  };
}

/** A valid expire rule as raw JSON, for validation cases to break one field at a time. */
export function rawRule(
  rulePriority: number,
  selection: Record<string, unknown> = {},
  action: Record<string, unknown> = {},
) {
  return {
    rulePriority,
    selection: {
      tagStatus: "untagged",
      countType: "sinceImagePushed",
      countUnit: "days",
      countNumber: 14,
      ...selection,
    },
    action: { type: "expire", ...action },
  };
}

/** [path, a fragment of the message, the fix when the case pins it] */
export type Expected = [path: string, message: string, fix?: string];

export function rawTaggedRule(rulePriority: number, tagPatternList: string[]) {
  return rawRule(rulePriority, { tagStatus: "tagged", tagPatternList });
}

/** A valid rule expiring archived images after 90 days, as raw JSON. */
export function rawArchiveExpireRule(rulePriority: number, selection: Record<string, unknown> = {}) {
  return rawRule(rulePriority, {
    storageClass: "archive",
    countType: "sinceImageTransitioned",
    countNumber: 90,
    ...selection,
  });
}

/** Validates and compares the problems' paths in order, then each message and fix. */
export function expectProblems(raw: unknown, expected: Expected[]): void {
  const problems = validateLifecyclePolicy(raw);
  expect(problems.map((problem) => formatLifecyclePath(problem.path))).toEqual(expected.map(([path]) => path));
  expected.forEach(([, message, fix], index) => {
    expect(problems[index]?.message).toContain(message);
    if (fix !== undefined) expect(problems[index]?.fix).toBe(fix);
  });
}
