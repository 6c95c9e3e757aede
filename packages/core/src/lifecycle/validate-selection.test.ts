import { describe, expect, it } from "vitest";
import { type Expected, expectProblems, rawRule } from "./test-support/fixtures.js";
import { validateLifecyclePolicy } from "./validate.js";

/** One rule whose selection is the default untagged/sinceImagePushed one changed by `changes`; undefined drops a key. */
function policyWithSelection(changes: Record<string, unknown>, action: Record<string, unknown> = {}): unknown {
  return JSON.parse(JSON.stringify({ rules: [rawRule(1, changes, action)] }));
}

const toArchive = { type: "transition", targetStorageClass: "archive" };
const fromArchive = { storageClass: "archive", countType: "sinceImageTransitioned", countNumber: 90 };

describe("a selection is accepted with", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>?]>([
    ["tagged and a pattern list", { tagStatus: "tagged", tagPatternList: ["prod*"] }],
    ["tagged and a prefix list", { tagStatus: "tagged", tagPrefixList: ["prod", "v"] }],
    ["four wildcards in a pattern", { tagStatus: "tagged", tagPatternList: ["*test*1*2*3", "test*1*2*3*"] }],
    ["any", { tagStatus: "any" }],
    [
      "imageCountMoreThan without countUnit",
      { countType: "imageCountMoreThan", countUnit: undefined, countNumber: 10 },
    ],
    ["sinceImagePulled archiving", { countType: "sinceImagePulled" }, toArchive],
    [
      "imageCountMoreThan archiving",
      { countType: "imageCountMoreThan", countUnit: undefined, countNumber: 10 },
      toArchive,
    ],
    ["sinceImageTransitioned on the archive class, 90 days", fromArchive],
  ])("%s", (_name, selection, action) => {
    expect(validateLifecyclePolicy(policyWithSelection(selection, action))).toEqual([]);
  });
});

const at = (key: string) => `rules[0].selection.${key}`;

describe("a selection is refused with", () => {
  it.each<[string, Record<string, unknown>, Expected[]]>([
    [
      "an unknown key",
      { tagprefixlist: ["a"] },
      [
        [
          "rules[0].selection.tagprefixlist",
          'a selection does not take "tagprefixlist"; the keys it takes are tagStatus, tagPatternList, tagPrefixList, storageClass, countType, countUnit, countNumber',
          'write "tagPrefixList"',
        ],
      ],
    ],
    // tagStatus
    [
      "no tagStatus",
      { tagStatus: undefined },
      [[at("tagStatus"), 'a selection has no tagStatus; write "tagged", "untagged", "any"', '"tagStatus": "tagged"']],
    ],
    [
      "tagStatus in capitals",
      { tagStatus: "UNTAGGED" },
      [[at("tagStatus"), 'tagStatus "UNTAGGED" is not one of "tagged", "untagged", "any"', '"tagStatus": "untagged"']],
    ],
    ["an unknown tagStatus", { tagStatus: "all" }, [[at("tagStatus"), 'tagStatus "all" is not one of']]],
    // tag lists
    [
      "tagged without a list",
      { tagStatus: "tagged" },
      [
        [
          at("tagPatternList"),
          'a selection has no tagPatternList; tagStatus "tagged" needs a tagPatternList or a tagPrefixList',
          '"tagPatternList": ["prod*"]',
        ],
      ],
    ],
    [
      "tagged with both lists",
      { tagStatus: "tagged", tagPatternList: ["a*"], tagPrefixList: ["b"] },
      [
        [
          at("tagPrefixList"),
          "a rule takes a tagPatternList or a tagPrefixList, never both",
          '"tagPatternList": ["a*","b*"]',
        ],
      ],
    ],
    [
      "an empty pattern list",
      { tagStatus: "tagged", tagPatternList: [] },
      [[at("tagPatternList"), "tagPatternList is empty; list at least one pattern"]],
    ],
    [
      "a pattern list written as one string",
      { tagStatus: "tagged", tagPatternList: "prod*, dev*" },
      [
        [
          at("tagPatternList"),
          'tagPatternList must be an array of strings, found "prod*, dev*"',
          '"tagPatternList": ["prod*","dev*"]',
        ],
      ],
    ],
    [
      "a pattern that is a number",
      { tagStatus: "tagged", tagPatternList: ["a*", 5] },
      [[`${at("tagPatternList")}[1]`, "each pattern is a string, found 5"]],
    ],
    [
      "an empty pattern",
      { tagStatus: "tagged", tagPatternList: [""] },
      [[`${at("tagPatternList")}[0]`, "an empty pattern matches no tag", '"tagPatternList": ["*"]']],
    ],
    [
      "an empty prefix",
      { tagStatus: "tagged", tagPrefixList: [""] },
      [
        [
          `${at("tagPrefixList")}[0]`,
          'an empty prefix matches every tag; to select every tagged image write the pattern "*"',
        ],
      ],
    ],
    [
      "the guide's invalid pattern",
      { tagStatus: "tagged", tagPatternList: ["test*1*2*3*4*5*6"] },
      [
        [
          `${at("tagPatternList")}[0]`,
          'pattern "test*1*2*3*4*5*6" has 6 wildcards; ECR allows at most 4 "*" in one pattern',
        ],
      ],
    ],
    [
      "doubled wildcards",
      { tagStatus: "tagged", tagPatternList: ["**a**b**"] },
      [[`${at("tagPatternList")}[0]`, "has 6 wildcards", '"*a*b*"']],
    ],
    [
      "a prefix list on an untagged rule",
      { tagPrefixList: ["v"] },
      [
        [
          at("tagPrefixList"),
          'tagStatus "untagged" takes no tagPrefixList; remove it, or make the rule "tagStatus": "tagged"',
          'remove "tagPrefixList"',
        ],
      ],
    ],
    [
      "a pattern list on an any rule",
      { tagStatus: "any", tagPatternList: ["v*"] },
      [[at("tagPatternList"), 'tagStatus "any" takes no tagPatternList']],
    ],
    // countType and countUnit
    [
      "no countType",
      { countType: undefined, countUnit: undefined },
      [
        [
          at("countType"),
          'a selection has no countType; write "imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "sinceImageTransitioned"',
        ],
      ],
    ],
    [
      "an unknown countType",
      { countType: "imageCountGreaterThan", countUnit: undefined },
      [[at("countType"), 'countType "imageCountGreaterThan" is not one of']],
    ],
    [
      "countType in the wrong case",
      { countType: "sinceimagepushed" },
      [[at("countType"), 'countType "sinceimagepushed" is not one of', '"countType": "sinceImagePushed"']],
    ],
    [
      "countUnit with imageCountMoreThan",
      { countType: "imageCountMoreThan" },
      [[at("countUnit"), 'imageCountMoreThan counts images, not days: remove countUnit "days"', 'remove "countUnit"']],
    ],
    [
      "no countUnit with sinceImagePushed",
      { countUnit: undefined },
      [
        [
          at("countUnit"),
          'a selection has no countUnit; sinceImagePushed counts days: write "days"',
          '"countUnit": "days"',
        ],
      ],
    ],
    [
      "countUnit hours",
      { countUnit: "hours" },
      [[at("countUnit"), 'countUnit "hours" is not supported; ECR counts in "days"', '"countUnit": "days"']],
    ],
    ["countUnit in capitals", { countUnit: "Days" }, [[at("countUnit"), 'countUnit "Days" is not supported']]],
    // countNumber
    [
      "no countNumber",
      { countNumber: undefined },
      [[at("countNumber"), "a selection has no countNumber; ECR takes whole numbers of 1 or more"]],
    ],
    [
      "countNumber 0",
      { countNumber: 0 },
      [[at("countNumber"), "countNumber 0 is refused; ECR takes whole numbers of 1 or more", '"countNumber": 1']],
    ],
    ["a negative countNumber", { countNumber: -3 }, [[at("countNumber"), "countNumber -3 is refused"]]],
    [
      "a fractional countNumber",
      { countNumber: 2.5 },
      [[at("countNumber"), "countNumber must be a whole number of 1 or more, found 2.5"]],
    ],
    [
      "countNumber as a string",
      { countNumber: "14" },
      [[at("countNumber"), 'countNumber "14" is a string; write the number 14', '"countNumber": 14']],
    ],
    [
      "countNumber as the string 0",
      { countNumber: "0" },
      [[at("countNumber"), 'countNumber must be a whole number of 1 or more, found "0"']],
    ],
    ["countNumber true", { countNumber: true }, [[at("countNumber"), "found true"]]],
    // storage classes
    [
      "an unknown storageClass",
      { storageClass: "glacier" },
      [[at("storageClass"), 'storageClass "glacier" is not one of "standard", "archive"']],
    ],
    [
      "archive with sinceImagePushed",
      { storageClass: "archive" },
      [
        [
          at("storageClass"),
          'storageClass "archive" goes only with countType "sinceImageTransitioned"; sinceImagePushed rules select standard images',
          'remove "storageClass"',
        ],
      ],
    ],
    [
      "sinceImageTransitioned without storageClass",
      { ...fromArchive, storageClass: undefined },
      [
        [
          at("storageClass"),
          'a selection has no storageClass; sinceImageTransitioned selects archived images: write "archive"',
          '"storageClass": "archive"',
        ],
      ],
    ],
    [
      "sinceImageTransitioned on standard",
      { ...fromArchive, storageClass: "standard" },
      [[at("storageClass"), 'sinceImageTransitioned selects archived images, not "standard" ones']],
    ],
    [
      "sinceImageTransitioned under 90 days",
      { ...fromArchive, countNumber: 30 },
      [
        [
          at("countNumber"),
          "countNumber 30 is below 90: ECR does not let a lifecycle policy delete images archived for less than 90 days",
          '"countNumber": 90',
        ],
      ],
    ],
  ])("%s", (_name, selection, expected) => expectProblems(policyWithSelection(selection), expected));
});
