import { describe, expect, it } from "vitest";
import { lifecycleEvaluationLines } from "./describe.js";
import { evaluateLifecyclePolicy } from "./evaluate.js";
import { evaluateImageColumns } from "./evaluate-columns.js";
import { columnsFromImages } from "./image-columns.js";
import { NOW } from "./test-support/fixtures.js";
import { referenceEvaluateLifecyclePolicy } from "./test-support/reference-evaluate.js";
import { referenceOutcomeLines } from "./test-support/reference-lines.js";
import { seeded } from "./test-support/seeded.js";
import type { CountType, ImageInfo, LifecyclePolicy, LifecycleRule, LifecycleSelection } from "./types.js";
import { validateLifecyclePolicy } from "./validate.js";

// The columnar evaluation against the object-per-image evaluator it replaced
// (test-support/reference-evaluate.ts), on random repositories and policies from a fixed seed.

const DAY_MS = 24 * 60 * 60 * 1000;
const TAGS = ["v1", "v2.0", "v10", "release-1", "release-22", "prod", "staging", "sha-abc", "latest", "dev-v1"];

function randomImages(next: () => number, count: number): ImageInfo[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  // Whole days or hours apart, so that equal times (and the digest tie-break) happen.
  const ago = () => new Date(NOW.getTime() - Math.floor(next() * 60) * (next() < 0.5 ? DAY_MS : DAY_MS / 24));
  const images: ImageInfo[] = [];
  for (let i = 0; i < count; i++) {
    const tags = next() < 0.35 ? [] : Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TAGS));
    const image: ImageInfo = {
      imageDigest: `sha256:${(count - i).toString(16).padStart(4, "0")}`,
      imageTags: tags,
      imagePushedAt: ago(),
    };
    if (next() < 0.5) image.lastRecordedPullTime = next() < 0.5 ? ago() : ago().toISOString();
    const status = next();
    if (status < 0.15) {
      image.imageStatus = "ARCHIVED";
      image.storageClass = "archive";
      if (next() < 0.8) image.lastArchivedAt = ago();
    } else if (status < 0.2) image.imageStatus = "ACTIVATING";
    else if (status < 0.3) image.lastActivatedAt = ago();
    if (next() < 0.1 && i > 0)
      image.referencedBy = [`sha256:${(count - Math.floor(next() * i)).toString(16).padStart(4, "0")}`];
    images.push(image);
  }
  return images;
}

function randomPolicy(next: () => number): LifecyclePolicy {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const rules: LifecycleRule[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let r = 0; r < count; r++) {
    const tagStatus = pick(["tagged", "tagged", "untagged", "any"] as const);
    const archive = next() < 0.3;
    const transition = !archive && next() < 0.2;
    const countType: CountType = archive
      ? pick(["imageCountMoreThan", "sinceImagePushed", "sinceImageTransitioned"] as const)
      : transition
        ? pick(["imageCountMoreThan", "sinceImagePushed", "sinceImagePulled"] as const)
        : pick(["imageCountMoreThan", "sinceImagePushed"] as const);
    const selection: LifecycleSelection = {
      tagStatus,
      countType,
      countNumber: countType === "imageCountMoreThan" ? 1 + Math.floor(next() * 8) : 1 + Math.floor(next() * 40),
      ...(countType === "imageCountMoreThan" ? {} : { countUnit: "days" as const }),
      ...(archive ? { storageClass: "archive" as const } : {}),
    };
    if (tagStatus === "tagged") {
      if (next() < 0.5)
        selection.tagPrefixList = [pick(["v", "release-", "prod", "sha-"]), ...(next() < 0.3 ? ["v"] : [])];
      else selection.tagPatternList = [pick(["v*", "*-v*", "release-*2", "*", "prod", "v1*0"])];
    }
    rules.push({
      rulePriority: (r + 1) * 10 - Math.floor(next() * 5),
      ...(next() < 0.5 ? { description: `rule ${r}` } : {}),
      selection,
      action: transition ? { type: "transition", targetStorageClass: "archive" } : { type: "expire" },
    });
  }
  return { rules };
}

describe("evaluateImageColumns against the object-per-image evaluator", () => {
  const next = seeded(20261204);
  const cases: [number, LifecyclePolicy, ImageInfo[]][] = [];
  while (cases.length < 150) {
    const policy = randomPolicy(next);
    // Only policies PutLifecyclePolicy takes: the evaluator is given validated ones.
    if (validateLifecyclePolicy(policy).length > 0) continue;
    cases.push([cases.length, policy, randomImages(next, 1 + Math.floor(next() * 120))]);
  }

  it.each(cases)("case %i: the same outcome, reasons and lines", (_case, policy, images) => {
    const reference = referenceEvaluateLifecyclePolicy(policy, images, NOW);
    const outcome = evaluateLifecyclePolicy(policy, images, NOW);
    expect(outcome).toEqual(reference);
    const evaluation = evaluateImageColumns(policy, columnsFromImages(images), NOW);
    expect(Array.from(lifecycleEvaluationLines(evaluation))).toEqual(Array.from(referenceOutcomeLines(reference)));
    expect([evaluation.expiredCount, evaluation.transitionedCount, evaluation.kept.length]).toEqual([
      reference.expiredDigests.length,
      reference.transitionedDigests.length,
      reference.kept.length,
    ]);
  });

  it("draws cases where every kind of outcome happens", () => {
    const kinds = new Set<string>();
    for (const [, policy, images] of cases) {
      const outcome = referenceEvaluateLifecyclePolicy(policy, images, NOW);
      for (const kept of outcome.kept) kinds.add(kept.reason.kind);
      if (outcome.expiredDigests.length > 0) kinds.add("expired");
      if (outcome.transitionedDigests.length > 0) kinds.add("transitioned");
    }
    expect([...kinds].sort()).toEqual([
      "expired",
      "kept-by-rule",
      "referenced-by-manifest-list",
      "restoring",
      "transitioned",
      "unmatched",
    ]);
  });
});
