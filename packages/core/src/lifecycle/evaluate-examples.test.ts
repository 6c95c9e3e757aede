// The worked examples of the AWS ECR User Guide, "Examples of lifecycle policies in Amazon ECR":
// repository contents, policy and result as the page gives them. Each policy also passes validation.
import { describe, expect, it } from "vitest";
import { evaluateLifecyclePolicy } from "./evaluate.js";
import { archiveRule, expireRule, hoursAgo, image, type LifecycleCase, NOW, summary } from "./test-support/fixtures.js";
import { validateLifecyclePolicy } from "./validate.js";

const multipleRulesRepository = [
  image("A", ["beta-1", "prod-1"], 10),
  image("B", ["beta-2", "prod-2"], 9),
  image("C", ["beta-3"], 8),
];
const keepOne = (tagPatternList: string[]) =>
  ({ tagStatus: "tagged", tagPatternList, countType: "imageCountMoreThan", countNumber: 1 }) as const;

/** Example A of "multiple tags in one rule": alpha, beta or both, pushed 12 to 2 days ago. */
const alphaBetaRepository = [
  image("A", ["alpha-1"], 12),
  image("B", ["beta-1"], 11),
  image("C", ["alpha-2", "beta-2"], 10),
  image("D", ["alpha-3"], 4),
  image("E", ["beta-3"], 3),
  image("F", ["alpha-4", "beta-4"], 2),
];
const olderThanFiveDays = (filter: { tagPatternList: string[] } | { tagPrefixList: string[] }) =>
  ({ tagStatus: "tagged", ...filter, countType: "sinceImagePushed", countNumber: 5, countUnit: "days" }) as const;

const examples: LifecycleCase[] = [
  {
    name: "filtering on image age: tagged prod* older than 14 days",
    policy: {
      rules: [
        expireRule(1, {
          tagStatus: "tagged",
          tagPatternList: ["prod*"],
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: 14,
        }),
      ],
    },
    images: [image("A", ["prod-1"], 20), image("B", ["prod-2"], 10), image("C", ["dev-1"], 30), image("D", [], 30)],
    expired: ["A"],
  },
  {
    name: "filtering on image age (older page): untagged older than 14 days",
    policy: {
      rules: [
        expireRule(1, { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }),
      ],
    },
    images: [image("A", [], 20), image("B", [], 5), image("C", ["v1"], 30)],
    expired: ["A"],
  },
  {
    name: "filtering on image count: keep one untagged image",
    policy: { rules: [expireRule(1, { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 })] },
    images: [image("A", [], 3), image("B", [], 2), image("C", [], 1), image("D", ["v1"], 5)],
    expired: ["A", "B"],
  },
  {
    name: "multiple rules, example A: prod* then beta*",
    policy: { rules: [expireRule(1, keepOne(["prod*"])), expireRule(2, keepOne(["beta*"]))] },
    images: multipleRulesRepository,
    expired: ["A"],
  },
  {
    name: "multiple rules, example A with tag prefixes (older page)",
    policy: {
      rules: [
        expireRule(1, {
          tagStatus: "tagged",
          tagPrefixList: ["prod"],
          countType: "imageCountMoreThan",
          countNumber: 1,
        }),
        expireRule(2, {
          tagStatus: "tagged",
          tagPrefixList: ["beta"],
          countType: "imageCountMoreThan",
          countNumber: 1,
        }),
      ],
    },
    images: multipleRulesRepository,
    expired: ["A"],
  },
  {
    name: "multiple rules, example B: beta* then prod*",
    policy: { rules: [expireRule(1, keepOne(["beta*"])), expireRule(2, keepOne(["prod*"]))] },
    images: multipleRulesRepository,
    expired: ["A", "B"],
  },
  {
    name: "multiple tags in one rule, example A: alpha* AND beta* older than 5 days",
    policy: { rules: [expireRule(1, olderThanFiveDays({ tagPatternList: ["alpha*", "beta*"] }))] },
    images: alphaBetaRepository,
    expired: ["C"],
  },
  {
    name: "multiple tags in one rule, example A with tag prefixes (older page)",
    policy: { rules: [expireRule(1, olderThanFiveDays({ tagPrefixList: ["alpha", "beta"] }))] },
    images: alphaBetaRepository.filter((image) => !["D", "E"].includes(image.imageDigest)),
    expired: ["C"],
  },
  {
    name: "multiple tags in one rule, example B: tags are not exclusive (images with several tags)",
    policy: { rules: [expireRule(1, keepOne(["alpha*", "beta*"]))] },
    images: [
      image("A", ["alpha-1", "beta-1", "gamma-1"], 10),
      image("B", ["alpha-2", "beta-2"], 9),
      image("C", ["alpha-3", "beta-3", "gamma-2"], 8),
    ],
    expired: ["A", "B"],
  },
  {
    name: "all images, example A: any, keep the newest one",
    policy: { rules: [expireRule(1, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 1 })] },
    images: [image("A", ["alpha-1"], 4), image("B", ["beta-1"], 3), image("C", [], 2), image("D", ["alpha-2"], 1)],
    expired: ["A", "B", "C"],
  },
  {
    // The page pushes D and E both "1 day ago" and its result needs E to be the newer: E is pushed
    // exactly 24 hours ago (not more than 1 day, so rule 2 keeps it) and D an hour before.
    name: "all images, example B: tagged, untagged and any rules together",
    policy: {
      rules: [
        expireRule(1, keepOne(["alpha*"])),
        expireRule(2, { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }),
        expireRule(3, { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 1 }),
      ],
    },
    images: [
      image("A", ["alpha-1", "beta-1"], 4),
      image("B", [], 3),
      image("C", ["alpha-2"], 2),
      image("D", ["git hash"], hoursAgo(25)),
      image("E", [], hoursAgo(24)),
    ],
    expired: ["A", "B", "D"],
  },
  {
    name: "filtering on last pulled time: archive images not pulled in 90 days",
    policy: {
      rules: [archiveRule(1, { tagStatus: "any", countType: "sinceImagePulled", countUnit: "days", countNumber: 90 })],
    },
    images: [
      image("A", ["v1"], 200, { lastRecordedPullTime: hoursAgo(240) }),
      image("B", ["v2"], 120),
      image("C", [], 100, { lastRecordedPullTime: hoursAgo(95 * 24) }),
      image("D", ["v3"], 30),
    ],
    expired: [],
    transitioned: ["B", "C"],
  },
  {
    name: "filtering on archive transition time: expire images archived more than 365 days",
    policy: {
      rules: [
        expireRule(1, {
          tagStatus: "any",
          storageClass: "archive",
          countType: "sinceImageTransitioned",
          countUnit: "days",
          countNumber: 365,
        }),
      ],
    },
    images: [
      image("A", ["v1"], 500, { storageClass: "archive", lastArchivedAt: hoursAgo(400 * 24) }),
      image("B", ["v2"], 500, { imageStatus: "ARCHIVED", lastArchivedAt: hoursAgo(100 * 24) }),
      image("C", ["v3"], 500),
    ],
    expired: ["A"],
  },
  {
    name: "archiving prod* images older than 30 days",
    policy: {
      rules: [
        archiveRule(1, {
          tagStatus: "tagged",
          tagPatternList: ["prod*"],
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: 30,
        }),
      ],
    },
    images: [image("A", ["prod-1"], 40), image("B", ["prod-2"], 10), image("C", ["dev-1"], 40)],
    expired: [],
    transitioned: ["A"],
  },
  {
    name: "combining archive and expire rules",
    policy: {
      rules: [
        archiveRule(1, { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 30 }),
        expireRule(2, {
          tagStatus: "any",
          storageClass: "archive",
          countType: "sinceImageTransitioned",
          countUnit: "days",
          countNumber: 365,
        }),
      ],
    },
    images: [
      image("A", ["v1"], 40),
      image("B", ["v2"], 10),
      image("C", ["v0"], 800, { storageClass: "archive", lastArchivedAt: hoursAgo(400 * 24) }),
      image("D", [], 300, { storageClass: "archive", lastArchivedAt: hoursAgo(100 * 24) }),
    ],
    expired: ["C"],
    transitioned: ["A"],
  },
];

describe("evaluateLifecyclePolicy on the AWS examples", () => {
  it.each(examples)("$name", ({ policy, images, expired, transitioned = [] }) => {
    expect(validateLifecyclePolicy(policy)).toEqual([]);
    const outcome = summary(evaluateLifecyclePolicy(policy, images, NOW));
    expect(outcome.expired).toEqual(expired);
    expect(outcome.transitioned).toEqual(transitioned);
    const acted = new Set([...expired, ...transitioned]);
    expect(outcome.kept).toEqual(
      images
        .map((i) => i.imageDigest)
        .filter((digest) => !acted.has(digest))
        .sort(),
    );
  });

  it("multiple rules, example A: rule 2 marks A and B but may not act on what rule 1 identified", () => {
    const policy = { rules: [expireRule(1, keepOne(["prod*"])), expireRule(2, keepOne(["beta*"]))] };
    const outcome = evaluateLifecyclePolicy(policy, multipleRulesRepository, NOW);
    expect(outcome.rules.map((rule) => [rule.identified, rule.marked, rule.images.map((i) => i.imageDigest)])).toEqual([
      [["B", "A"], ["A"], ["A"]],
      [["C", "B", "A"], ["B", "A"], []],
    ]);
    const keptB = outcome.kept.find((kept) => kept.imageDigest === "B");
    expect(keptB?.reason).toEqual({ kind: "kept-by-rule", rulePriority: 1, shadowedBy: [2] });
  });

  it("all images, example B: the any rule counts images higher rules identified, then acts on D only", () => {
    const example = examples.find((candidate) => candidate.name.startsWith("all images, example B"));
    const outcome = evaluateLifecyclePolicy(example!.policy, example!.images, NOW);
    const anyRule = outcome.rules[2]!;
    expect(anyRule.identified).toEqual(["E", "D", "C", "B", "A"]);
    expect(anyRule.marked).toEqual(["D", "C", "B", "A"]);
    expect(anyRule.images).toEqual([
      { imageDigest: "D", imageTags: ["git hash"], reason: "2nd newest of 5, the rule keeps 1" },
    ]);
  });
});
