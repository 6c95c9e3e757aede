import { describe, expect, it } from "vitest";
import {
  type Expected,
  expectProblems,
  rawArchiveExpireRule as archiveExpire,
  rawRule,
  rawTaggedRule as tagged,
} from "./test-support/fixtures.js";
import { validateLifecyclePolicy } from "./validate.js";
import { checkAcrossRules } from "./validate-across-rules.js";

describe("validateLifecyclePolicy accepts, across rules", () => {
  it.each([
    ["untagged rules in different storage classes", { rules: [rawRule(1), archiveExpire(2)] }],
    [
      "a standard any rule before an archive rule",
      { rules: [rawRule(1, { tagStatus: "any" }), archiveExpire(2, { tagStatus: "any" })] },
    ],
    [
      "the same tag filter in different storage classes",
      { rules: [tagged(1, ["a*"]), archiveExpire(2, { tagStatus: "tagged", tagPatternList: ["a*"] })] },
    ],
    [
      "priorities that are not sequential",
      { rules: [tagged(10, ["a*"]), tagged(20, ["b*"]), rawRule(30, { tagStatus: "any" })] },
    ],
  ])("%s", (_name, raw) => {
    expect(validateLifecyclePolicy(raw)).toEqual([]);
  });
});

describe("validateLifecyclePolicy refuses, across rules", () => {
  it.each<[string, unknown[], Expected[]]>([
    [
      "two untagged rules in one storage class",
      [rawRule(1), rawRule(2, { countType: "imageCountMoreThan", countUnit: undefined, countNumber: 5 })],
      [
        [
          "rules[1].selection.tagStatus",
          'a second "untagged" rule for standard images (rules[0] is one already); ECR allows one untagged rule per storage class',
        ],
      ],
    ],
    [
      "an any rule before another rule of its class",
      [rawRule(1, { tagStatus: "any" }), tagged(2, ["a*"])],
      [
        [
          "rules[0].rulePriority",
          'a tagStatus "any" rule must have the highest rulePriority among the standard rules, but rulePriority 1 comes before rules[1] (2)',
          '"rulePriority": 3',
        ],
      ],
    ],
    [
      "two any rules in one class",
      [rawRule(5, { tagStatus: "any" }), rawRule(7, { tagStatus: "any", countNumber: 30 })],
      [["rules[0].rulePriority", "rulePriority 5 comes before rules[1] (7)", '"rulePriority": 8']],
    ],
    [
      "the same tag filter twice in one class, listed lower priority first",
      [tagged(2, ["b*", "a*"]), tagged(1, ["a*", "b*"])],
      [
        [
          "rules[0].selection.tagPatternList",
          "rules[1] already selects standard images with this same tagPatternList; a rule cannot act on images a higher-priority rule identifies",
        ],
      ],
    ],
  ])("%s", (_name, rules, expected) => expectProblems({ rules: JSON.parse(JSON.stringify(rules)) }, expected));
});

describe("checkAcrossRules at scale", () => {
  it("takes over 200,000 rules without spreading their priorities into a call", () => {
    const rules = Array.from({ length: 200_001 }, (_, index) => ({
      index,
      rulePriority: index === 200_000 ? 1 : index + 1,
      storageClass: "standard" as const,
    }));
    const problems: [string, string | undefined][] = [];
    checkAcrossRules(rules, (_path, message, example) => problems.push([message, example]));
    expect(problems).toEqual([
      ["rulePriority 1 is also the priority of rules[0]; every rule needs its own priority", '"rulePriority": 200001'],
    ]);
  });
});
