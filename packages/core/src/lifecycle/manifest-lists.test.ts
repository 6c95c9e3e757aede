// "If an image is referenced by a manifest list, it cannot be expired or archived without the
// manifest list being deleted or archived first." (AWS ECR User Guide, lifecycle evaluation rules)
import { describe, expect, it } from "vitest";
import { evaluateLifecyclePolicy } from "./evaluate.js";
import { archiveRule, expireRule, image, type LifecycleCase, NOW, summary } from "./test-support/fixtures.js";
import type { LifecyclePolicy } from "./types.js";

const expireUntaggedAfterOneDay: LifecyclePolicy = {
  rules: [expireRule(1, { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 })],
};
const keepOneReleaseThenUntagged: LifecyclePolicy = {
  rules: [
    expireRule(1, { tagStatus: "tagged", tagPatternList: ["v*"], countType: "imageCountMoreThan", countNumber: 1 }),
    expireRule(2, { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }),
  ],
};
const archiveEverythingAfter30Days: LifecyclePolicy = {
  rules: [archiveRule(1, { tagStatus: "any", countType: "sinceImagePushed", countUnit: "days", countNumber: 30 })],
};

interface Case extends LifecycleCase {
  held: string[];
}

const cases: Case[] = [
  {
    name: "children of a kept manifest list stay",
    policy: expireUntaggedAfterOneDay,
    images: [
      image("INDEX", ["v1"], 10),
      image("AMD64", [], 10, { referencedBy: ["INDEX"] }),
      image("ARM64", [], 10, { referencedBy: ["INDEX"] }),
    ],
    expired: [],
    held: ["AMD64", "ARM64"],
  },
  {
    name: "children of an expired manifest list may expire with it",
    policy: keepOneReleaseThenUntagged,
    images: [
      image("OLD-INDEX", ["v1"], 10),
      image("OLD-AMD64", [], 10, { referencedBy: ["OLD-INDEX"] }),
      image("NEW-INDEX", ["v2"], 2),
      image("NEW-AMD64", [], 2, { referencedBy: ["NEW-INDEX"] }),
      image("LOOSE", [], 5),
    ],
    expired: ["LOOSE", "OLD-AMD64", "OLD-INDEX"],
    held: ["NEW-AMD64"],
  },
  {
    name: "a child shared by an expired and a kept list stays",
    policy: keepOneReleaseThenUntagged,
    images: [
      image("OLD-INDEX", ["v1"], 10),
      image("NEW-INDEX", ["v2"], 2),
      image("SHARED", [], 10, { referencedBy: ["OLD-INDEX", "NEW-INDEX"] }),
    ],
    expired: ["OLD-INDEX"],
    held: ["SHARED"],
  },
  {
    name: "a referencing list missing from the images given is assumed to stay",
    policy: expireUntaggedAfterOneDay,
    images: [image("CHILD", [], 10, { referencedBy: ["NOT-LISTED"] })],
    expired: [],
    held: ["CHILD"],
  },
  {
    name: "holding a nested index holds its children too",
    policy: expireUntaggedAfterOneDay,
    images: [
      image("LEAF", [], 10, { referencedBy: ["INNER"] }),
      image("INNER", [], 10, { referencedBy: ["OUTER"] }),
      image("OUTER", ["v1"], 10),
    ],
    expired: [],
    held: ["INNER", "LEAF"],
  },
  {
    name: "children may be archived along with their list",
    policy: archiveEverythingAfter30Days,
    images: [image("INDEX", ["v1"], 40), image("CHILD", [], 40, { referencedBy: ["INDEX"] })],
    expired: [],
    transitioned: ["CHILD", "INDEX"],
    held: [],
  },
  {
    name: "children of a list that stays in standard are not archived",
    policy: archiveEverythingAfter30Days,
    images: [image("INDEX", ["v1"], 5), image("CHILD", [], 40, { referencedBy: ["INDEX"] })],
    expired: [],
    held: ["CHILD"],
  },
  {
    name: "children of an already archived list may be archived",
    policy: archiveEverythingAfter30Days,
    images: [
      image("INDEX", ["v1"], 40, { storageClass: "archive" }),
      image("CHILD", [], 40, { referencedBy: ["INDEX"] }),
    ],
    expired: [],
    transitioned: ["CHILD"],
    held: [],
  },
];

describe("manifest lists hold the images they reference", () => {
  it.each(cases)("$name", ({ policy, images, expired, transitioned = [], held }) => {
    const outcome = evaluateLifecyclePolicy(policy, images, NOW);
    expect(summary(outcome).expired).toEqual(expired);
    expect(summary(outcome).transitioned).toEqual(transitioned);
    const heldDigests = outcome.kept
      .filter((kept) => kept.reason.kind === "referenced-by-manifest-list")
      .map((kept) => kept.imageDigest);
    expect(heldDigests.sort()).toEqual(held);
  });

  it("says which rule would act and which lists stay", () => {
    const images = [image("INDEX", ["v1"], 10), image("CHILD", [], 10, { referencedBy: ["INDEX"] })];
    const outcome = evaluateLifecyclePolicy(expireUntaggedAfterOneDay, images, NOW);
    expect(outcome.rules[0]?.marked).toEqual(["CHILD"]);
    expect(outcome.rules[0]?.images).toEqual([]);
    expect(outcome.kept.find((kept) => kept.imageDigest === "CHILD")).toEqual({
      imageDigest: "CHILD",
      imageTags: [],
      reason: { kind: "referenced-by-manifest-list", rulePriority: 1, manifestLists: ["INDEX"] },
      message:
        "rule 1 would expire it (pushed 10 days ago, more than 1 day), but manifest list INDEX that references it stays",
    });
  });
});
