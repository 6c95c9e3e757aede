import { describe, expect, it } from "vitest";
import { formatLifecyclePath, lifecycleEvaluationLines, shortDigest } from "./describe.js";
import { evaluateImageColumns } from "./evaluate-columns.js";
import { columnsFromImages } from "./image-columns.js";
import { archiveRule, expireRule, image, NOW } from "./test-support/fixtures.js";
import type { ImageInfo, LifecyclePolicy } from "./types.js";

const linesOf = (policy: LifecyclePolicy, images: ImageInfo[]) =>
  Array.from(lifecycleEvaluationLines(evaluateImageColumns(policy, columnsFromImages(images), NOW)));

const A = `sha256:${"a".repeat(64)}`;
const B = `sha256:${"b".repeat(64)}`;
const C = `sha256:${"c".repeat(64)}`;

describe("lifecycleEvaluationLines", () => {
  it("says what each rule does and why each image stays", () => {
    const policy = {
      rules: [
        expireRule(1, { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }, "one untagged"),
        archiveRule(2, {
          tagStatus: "tagged",
          tagPatternList: ["v*"],
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: 30,
        }),
      ],
    };
    const images = [image(A, [], 5), image(B, [], 9), image(C, ["v1", "latest"], 3)];
    expect(linesOf(policy, images)).toEqual([
      "rule 1 (one untagged) expires 1 image:",
      "  sha256:bbbbbbbbbbbb [untagged]: 2nd newest of 2, the rule keeps 1",
      "rule 2 archives nothing (identifies 1 image)",
      "keeps 2 images:",
      "  sha256:aaaaaaaaaaaa [untagged]: rule 1 identifies it and keeps it (1st newest of 2, the rule keeps 1)",
      "  sha256:cccccccccccc [v1, latest]: rule 2 identifies it and keeps it (pushed 3 days ago, not more than 30 days)",
    ]);
  });

  it("handles an empty repository", () => {
    expect(linesOf({ rules: [] }, [])).toEqual(["keeps 0 images"]);
  });
});

describe("formatLifecyclePath", () => {
  it.each([
    [[], ""],
    [["rules"], "rules"],
    [["rules", 2, "selection", "tagPrefixList"], "rules[2].selection.tagPrefixList"],
    [["rules", 0, "selection", "tagPatternList", 1], "rules[0].selection.tagPatternList[1]"],
  ])("%j is %j", (path, text) => {
    expect(formatLifecyclePath(path)).toBe(text);
  });
});

describe("shortDigest", () => {
  it.each([
    [A, "sha256:aaaaaaaaaaaa"],
    ["abcdef0123456789", "abcdef012345"],
  ])("%s is %s", (digest, short) => {
    expect(shortDigest(digest)).toBe(short);
  });
});
