import { describe, expect, it } from "vitest";
import { evaluateLifecyclePolicy } from "./evaluate.js";
import {
  archiveRule,
  daysAgo,
  expireRule,
  hoursAgo,
  image,
  type LifecycleCase,
  NOW,
  summary,
} from "./test-support/fixtures.js";
import type { LifecycleSelection } from "./types.js";

const untaggedOlderThan = (days: number): LifecycleSelection => ({
  tagStatus: "untagged",
  countType: "sinceImagePushed",
  countUnit: "days",
  countNumber: days,
});
const keepNewest = (countNumber: number, tagPatternList?: string[]): LifecycleSelection =>
  tagPatternList
    ? { tagStatus: "tagged", tagPatternList, countType: "imageCountMoreThan", countNumber }
    : { tagStatus: "any", countType: "imageCountMoreThan", countNumber };

const cases: LifecycleCase[] = [
  { name: "an empty repository", policy: { rules: [expireRule(1, keepNewest(1))] }, images: [], expired: [] },
  {
    name: "a policy without rules keeps everything",
    policy: { rules: [] },
    images: [image("A", [], 400)],
    expired: [],
  },
  {
    name: "an image whose tags two rules match belongs to the higher rule",
    policy: {
      rules: [
        expireRule(1, keepNewest(5, ["prod*"])),
        expireRule(2, {
          tagStatus: "tagged",
          tagPatternList: ["feature*"],
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: 7,
        }),
      ],
    },
    images: [image("X", ["prod-1", "feature-9"], 30), image("Y", ["feature-3"], 30), image("Z", ["feature-4"], 2)],
    expired: ["Y"],
  },
  {
    name: "untagged rules never see tagged images",
    policy: { rules: [expireRule(1, untaggedOlderThan(1))] },
    images: [image("T", ["v1"], 30), image("U", [], 30), image("V", [], hoursAgo(12))],
    expired: ["U"],
  },
  {
    name: 'a tagged rule with pattern "*" never sees untagged images',
    policy: {
      rules: [
        expireRule(1, { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: 1 }),
      ],
    },
    images: [image("T1", ["a"], 3), image("T2", ["b"], 2), image("U", [], 9)],
    expired: ["T1"],
  },
  {
    name: "an any rule counts tagged and untagged images together",
    policy: { rules: [expireRule(1, keepNewest(2))] },
    images: [image("T1", ["a"], 1), image("U1", [], 2), image("T2", ["b"], 3), image("U2", [], 4)],
    expired: ["T2", "U2"],
  },
  {
    name: "an any rule after a protecting rule: protected tags survive any age",
    policy: {
      rules: [
        expireRule(1, keepNewest(9999, ["release-*"])),
        expireRule(2, { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 30 }),
      ],
    },
    images: [image("R", ["release-1.0", "sha-1"], 400), image("S", ["sha-2"], 400), image("N", ["sha-3"], 3)],
    expired: ["S"],
  },
  {
    name: "a tag prefix is a prefix of the whole tag, not a substring",
    policy: {
      rules: [
        expireRule(1, {
          tagStatus: "tagged",
          tagPrefixList: ["prod"],
          countType: "sinceImagePushed",
          countUnit: "days",
          countNumber: 1,
        }),
      ],
    },
    images: [image("P", ["production"], 5), image("Q", ["preprod"], 5)],
    expired: ["P"],
  },
  {
    name: "pushed exactly N days ago is not older than N days",
    policy: { rules: [expireRule(1, untaggedOlderThan(14))] },
    images: [image("EXACT", [], 14), image("OVER", [], new Date(daysAgo(14).getTime() - 1))],
    expired: ["OVER"],
  },
  {
    name: "rules listed out of order apply by rulePriority",
    policy: { rules: [expireRule(2, keepNewest(1, ["beta*"])), expireRule(1, keepNewest(1, ["prod*"]))] },
    images: [image("A", ["beta-1", "prod-1"], 10), image("B", ["beta-2", "prod-2"], 9), image("C", ["beta-3"], 8)],
    expired: ["A"],
  },
  {
    name: "sinceImagePulled: a recent pull keeps an old image, a pull older than a restore does not count",
    policy: {
      rules: [archiveRule(1, { tagStatus: "any", countType: "sinceImagePulled", countUnit: "days", countNumber: 30 })],
    },
    images: [
      image("PULLED", ["a"], 300, { lastRecordedPullTime: daysAgo(10) }),
      image("RESTORED", ["b"], 300, { lastRecordedPullTime: daysAgo(200), lastActivatedAt: daysAgo(10) }),
      image("PULLED-AFTER-RESTORE", ["c"], 300, { lastActivatedAt: daysAgo(100), lastRecordedPullTime: daysAgo(50) }),
    ],
    expired: [],
    transitioned: ["PULLED-AFTER-RESTORE"],
  },
  {
    name: "imageCountMoreThan orders a restored image by when it was restored",
    policy: { rules: [expireRule(1, keepNewest(1))] },
    images: [image("NEWER-PUSH", ["a"], 20), image("RESTORED", ["b"], 300, { lastActivatedAt: daysAgo(1) })],
    expired: ["NEWER-PUSH"],
  },
  {
    name: "standard rules ignore archived images; ACTIVATING images are in neither class",
    policy: {
      rules: [
        expireRule(1, keepNewest(1)),
        expireRule(2, {
          tagStatus: "any",
          storageClass: "archive",
          countType: "sinceImageTransitioned",
          countUnit: "days",
          countNumber: 90,
        }),
      ],
    },
    images: [
      image("S1", ["a"], 1),
      image("S2", ["b"], 2),
      image("AR", ["c"], 500, { imageStatus: "ARCHIVED", lastArchivedAt: daysAgo(100) }),
      image("AR-NO-DATE", ["d"], 500, { imageStatus: "ARCHIVED" }),
      image("ACT", ["e"], 500, { imageStatus: "ACTIVATING", lastArchivedAt: daysAgo(300) }),
    ],
    expired: ["AR", "S2"],
  },
  {
    name: "timestamps may be ISO strings",
    policy: { rules: [expireRule(1, untaggedOlderThan(14))] },
    images: [
      image("OLD", [], 0, { imagePushedAt: "2025-05-01T00:00:00Z" }),
      image("NEW", [], 0, { imagePushedAt: "2025-05-31T00:00:00Z" }),
    ],
    expired: ["OLD"],
  },
];

describe("evaluateLifecyclePolicy", () => {
  it.each(cases)("$name", ({ policy, images, expired, transitioned = [] }) => {
    const outcome = summary(evaluateLifecyclePolicy(policy, images, NOW));
    expect(outcome.expired).toEqual(expired);
    expect(outcome.transitioned).toEqual(transitioned);
  });

  const sameTime = daysAgo(3);
  it.each([[["c", "a", "b"]], [["b", "c", "a"]], [["a", "b", "c"]]])(
    "equal push times break ties by digest whatever the input order (%j)",
    (order) => {
      const images = order.map((digest) => image(digest, [], sameTime));
      const outcome = evaluateLifecyclePolicy({ rules: [expireRule(1, keepNewest(1))] }, images, NOW);
      expect(outcome.rules[0]?.identified).toEqual(["a", "b", "c"]);
      expect(outcome.expiredDigests).toEqual(["b", "c"]);
    },
  );

  it("lists acted images newest first with the reason", () => {
    const images = [image("A", ["v1"], 20), image("B", ["v2"], 30), image("C", ["v3"], 1)];
    const outcome = evaluateLifecyclePolicy(
      {
        rules: [
          expireRule(
            1,
            { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 },
            "two weeks",
          ),
        ],
      },
      images,
      NOW,
    );
    expect(outcome.rules).toEqual([
      {
        rulePriority: 1,
        description: "two weeks",
        action: "expire",
        storageClass: "standard",
        identified: ["C", "A", "B"],
        marked: ["A", "B"],
        images: [
          { imageDigest: "A", imageTags: ["v1"], reason: "pushed 20 days ago, more than 14 days" },
          { imageDigest: "B", imageTags: ["v2"], reason: "pushed 30 days ago, more than 14 days" },
        ],
      },
    ]);
    expect(outcome.kept).toEqual([
      {
        imageDigest: "C",
        imageTags: ["v3"],
        reason: { kind: "kept-by-rule", rulePriority: 1, shadowedBy: [] },
        message: "rule 1 identifies it and keeps it (pushed 1 day ago, not more than 14 days)",
      },
    ]);
  });

  it.each([
    [image("P", ["a"], 300, { lastRecordedPullTime: daysAgo(45) }), "last pulled 45 days ago, more than 30 days"],
    [image("N", ["b"], 60), "pushed 60 days ago, more than 30 days"],
    [
      image("R", ["c"], 300, { lastRecordedPullTime: daysAgo(200), lastActivatedAt: daysAgo(40) }),
      "restored from archive (not pulled since) 40 days ago, more than 30 days",
    ],
  ])("says what sinceImagePulled counted from (%#)", (pulled, reason) => {
    const policy = {
      rules: [archiveRule(1, { tagStatus: "any", countType: "sinceImagePulled", countUnit: "days", countNumber: 30 })],
    };
    const outcome = evaluateLifecyclePolicy(policy, [pulled], NOW);
    expect(outcome.rules[0]?.images).toEqual([
      { imageDigest: pulled.imageDigest, imageTags: pulled.imageTags, reason },
    ]);
  });

  it.each([
    ["unmatched", image("T", ["v1"], 30), { kind: "unmatched" }, "no rule identifies it"],
    [
      "restoring",
      image("R", [], 30, { imageStatus: "ACTIVATING" }),
      { kind: "restoring" },
      "being restored from archive (ACTIVATING); no rule acts on it yet",
    ],
  ] as const)("explains a kept image: %s", (_kind, kept, reason, message) => {
    const outcome = evaluateLifecyclePolicy({ rules: [expireRule(1, untaggedOlderThan(1))] }, [kept], NOW);
    expect(outcome.kept).toEqual([{ imageDigest: kept.imageDigest, imageTags: kept.imageTags, reason, message }]);
  });

  it.each([
    [
      "an unreadable timestamp",
      [image("BAD", [], 0, { imagePushedAt: "last tuesday" })],
      NOW,
      'image BAD: imagePushedAt "last tuesday" is not a date',
    ],
    ["a digest listed twice", [image("D", [], 1), image("D", [], 2)], NOW, "image D is listed twice"],
    ["an invalid now", [], new Date(Number.NaN), "now is not a valid date"],
  ])("refuses %s", (_name, images, now, message) => {
    expect(() => evaluateLifecyclePolicy({ rules: [expireRule(1, untaggedOlderThan(1))] }, images, now)).toThrow(
      message,
    );
  });
});
