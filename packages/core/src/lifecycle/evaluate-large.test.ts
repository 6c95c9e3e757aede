import { describe, expect, it } from "vitest";
import { lifecycleEvaluationLines } from "./describe.js";
import { evaluateLifecyclePolicy } from "./evaluate.js";
import { evaluateImageColumns } from "./evaluate-columns.js";
import { columnsFromImages } from "./image-columns.js";
import { expireRule, NOW } from "./test-support/fixtures.js";
import type { ImageInfo, LifecyclePolicy } from "./types.js";

// A repository of 300,000 images, image i pushed i + 1 minutes before NOW (so newest first is
// index order), a third each untagged, v-tagged and sha-tagged. The counts follow by arithmetic.
const COUNT = 300_000;
const MINUTE_MS = 60_000;

function generatedImages(): ImageInfo[] {
  const images: ImageInfo[] = [];
  for (let i = 0; i < COUNT; i++) {
    const tags = i % 3 === 0 ? [] : i % 3 === 1 ? [`v${i}`] : [`sha-${i}`];
    images.push({
      imageDigest: `sha256:${i}`,
      imageTags: tags,
      imagePushedAt: new Date(NOW.getTime() - (i + 1) * MINUTE_MS),
    });
  }
  return images;
}

const policy: LifecyclePolicy = {
  rules: [
    expireRule(1, { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 30 }),
    expireRule(2, { tagStatus: "tagged", tagPatternList: ["v*"], countType: "imageCountMoreThan", countNumber: 1000 }),
    expireRule(3, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 50_000 }),
  ],
};

describe("evaluateLifecyclePolicy on 300,000 images", () => {
  const images = generatedImages();
  const outcome = evaluateLifecyclePolicy(policy, images, NOW);

  it("counts what each rule identifies, marks and expires", () => {
    expect(outcome.rules.map((rule) => [rule.identified.length, rule.marked.length, rule.images.length])).toEqual([
      // untagged older than 30 days (43,200 minutes): i >= 43,200 and i % 3 === 0
      [100_000, 85_600, 85_600],
      // v-tagged beyond the 1,000 newest
      [100_000, 99_000, 99_000],
      // everything beyond the 50,000 newest; it acts only on the sha-tagged ones, i >= 50,000
      [COUNT, 250_000, 83_334],
    ]);
    expect(outcome.expiredDigests).toHaveLength(85_600 + 99_000 + 83_334);
    expect(outcome.kept).toHaveLength(14_400 + 1_000 + 16_666);
    expect(outcome.kept.filter((image) => image.reason.kind === "kept-by-rule")).toHaveLength(outcome.kept.length);
  });

  it("words the reasons of any image", () => {
    const edge = outcome.rules[2]?.images[0];
    expect(edge).toEqual({
      imageDigest: "sha256:50000",
      imageTags: ["sha-50000"],
      reason: "50001st newest of 300000, the rule keeps 50000",
    });
    const lastKept = outcome.kept.at(-1);
    expect(lastKept?.imageDigest).toBe("sha256:49997");
    expect(lastKept?.message).toBe(
      "rule 3 identifies it and keeps it (49998th newest of 300000, the rule keeps 50000)",
    );
  });

  it("describes every image on its own line", () => {
    let lines = 0;
    for (const _line of lifecycleEvaluationLines(evaluateImageColumns(policy, columnsFromImages(images), NOW))) lines++;
    expect(lines).toBe(3 + outcome.expiredDigests.length + 1 + outcome.kept.length);
  });
});
