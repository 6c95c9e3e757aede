import { describe, expect, it } from "vitest";
import { type Expected, expectProblems, rawRule, rawTaggedRule as tagged } from "./test-support/fixtures.js";
import { readLifecyclePolicy, validateLifecyclePolicy } from "./validate.js";

describe("validateLifecyclePolicy accepts", () => {
  it.each([
    ["one untagged rule", { rules: [rawRule(1)] }],
    [
      "a description and an explicit standard class",
      { rules: [{ ...rawRule(1, { storageClass: "standard" }), description: "two weeks" }] },
    ],
    ["50 rules", { rules: Array.from({ length: 50 }, (_, index) => tagged(index + 1, [`p${index}-*`])) }],
  ])("%s", (_name, raw) => {
    expect(validateLifecyclePolicy(raw)).toEqual([]);
  });
});

describe("validateLifecyclePolicy refuses, for the policy", () => {
  it.each<[string, unknown, Expected[]]>([
    ["null", null, [["", 'a lifecycle policy is a JSON object with a "rules" array, found null']]],
    ["an array", [], [["", "found an empty array"]]],
    ["JSON text not parsed", '{"rules": []}', [["", 'found "{\\"rules\\": []}"']]],
    ["no rules", {}, [["rules", "a lifecycle policy has no rules; write an array of 1 to 50 rules"]]],
    ["null rules", { rules: null }, [["rules", "rules is null; write an array of 1 to 50 rules"]]],
    ["rules not an array", { rules: {} }, [["rules", "rules must be an array of rules, found an object"]]],
    ["no rule", { rules: [] }, [["rules", "rules is empty; a policy needs at least one rule"]]],
    [
      "51 rules",
      { rules: Array.from({ length: 51 }, (_, index) => tagged(index + 1, [`p${index}-*`])) },
      [["rules", "the policy has 51 rules; ECR allows at most 50"]],
    ],
    [
      "get-lifecycle-policy output keys",
      { rules: [rawRule(1)], repositoryName: "app" },
      [
        [
          "repositoryName",
          'a lifecycle policy does not take "repositoryName"; the keys it takes are rules',
          'remove "repositoryName"',
        ],
      ],
    ],
  ])("%s", (_name, raw, expected) => expectProblems(raw, expected));
});

describe("validateLifecyclePolicy refuses, for a rule", () => {
  it.each<[string, unknown, Expected[]]>([
    [
      "a rule that is not an object",
      ["expire"],
      [["rules[0]", 'each rule is an object with rulePriority, selection and action, found "expire"']],
    ],
    [
      "an unknown key",
      { ...rawRule(1), priority: 2 },
      [
        [
          "rules[0].priority",
          'a rule does not take "priority"; the keys it takes are rulePriority, description, selection, action',
        ],
      ],
    ],
    [
      "a key in the wrong case",
      { RulePriority: 1, selection: rawRule(1).selection, action: rawRule(1).action },
      [
        ["rules[0].RulePriority", 'a rule does not take "RulePriority"', 'write "rulePriority"'],
        [
          "rules[0].rulePriority",
          "a rule has no rulePriority; priorities are whole numbers from 1, one per rule",
          '"rulePriority": 1',
        ],
      ],
    ],
    [
      "rulePriority 0",
      rawRule(0),
      [
        [
          "rules[0].rulePriority",
          "rulePriority 0 is refused; priorities are whole numbers from 1",
          '"rulePriority": 1',
        ],
      ],
    ],
    [
      "a fractional rulePriority",
      rawRule(1.5),
      [["rules[0].rulePriority", "rulePriority must be a whole number of 1 or more, found 1.5"]],
    ],
    [
      "rulePriority as a string",
      { ...rawRule(1), rulePriority: "3" },
      [["rules[0].rulePriority", 'rulePriority "3" is a string; write the number 3', '"rulePriority": 3']],
    ],
    [
      "a null rulePriority",
      { ...rawRule(1), rulePriority: null },
      [["rules[0].rulePriority", "rulePriority is null; priorities are whole numbers"]],
    ],
    [
      "two rules with one priority",
      [rawRule(1), tagged(1, ["a*"])],
      [
        [
          "rules[1].rulePriority",
          "rulePriority 1 is also the priority of rules[0]; every rule needs its own priority",
          '"rulePriority": 2',
        ],
      ],
    ],
    [
      "a description that is not a string",
      { ...rawRule(1), description: 5 },
      [["rules[0].description", "description must be a string, found 5"]],
    ],
    [
      "no selection",
      { rulePriority: 1, action: { type: "expire" } },
      [["rules[0].selection", "a rule has no selection; every rule needs a selection"]],
    ],
    [
      "a null selection",
      { ...rawRule(1), selection: null },
      [["rules[0].selection", "selection is null; every rule needs a selection"]],
    ],
    [
      "a selection that is not an object",
      { ...rawRule(1), selection: "untagged" },
      [["rules[0].selection", 'selection must be an object, found "untagged"']],
    ],
    [
      "no action",
      { rulePriority: 1, selection: rawRule(1).selection },
      [["rules[0].action", 'a rule has no action; every rule needs an action: write {"type": "expire"}']],
    ],
    [
      "an action that is not an object",
      { ...rawRule(1), action: "expire" },
      [["rules[0].action", 'action must be an object, found "expire"', '"action": {"type": "expire"}']],
    ],
  ])("%s", (_name, rule, expected) => expectProblems({ rules: Array.isArray(rule) ? rule : [rule] }, expected));
});

describe("validateLifecyclePolicy and the null fields Terraform writes", () => {
  it("asks to remove each null field no check needs", () => {
    const rule = {
      rulePriority: 1,
      description: null,
      selection: {
        tagStatus: "untagged",
        tagPrefixList: null,
        tagPatternList: null,
        countType: "imageCountMoreThan",
        countUnit: null,
        countNumber: 3,
        storageClass: null,
      },
      action: { type: "expire", targetStorageClass: null },
    };
    expectProblems({ rules: [rule] }, [
      [
        "rules[0].selection.tagPrefixList",
        "tagPrefixList is null; ECR takes no null fields: remove the null field tagPrefixList",
        'remove "tagPrefixList"',
      ],
      ["rules[0].selection.tagPatternList", "remove the null field tagPatternList"],
      ["rules[0].selection.countUnit", "remove the null field countUnit"],
      ["rules[0].selection.storageClass", "remove the null field storageClass"],
      ["rules[0].action.targetStorageClass", "remove the null field targetStorageClass"],
      ["rules[0].description", "remove the null field description"],
    ]);
  });

  it.each<[string, Record<string, unknown>, Expected[]]>([
    [
      "a null countUnit where one is needed",
      { countUnit: null },
      [
        [
          "rules[0].selection.countUnit",
          'countUnit is null; sinceImagePushed counts days: write "days"',
          '"countUnit": "days"',
        ],
      ],
    ],
    [
      "both tag lists null on a tagged rule",
      { tagStatus: "tagged", tagPatternList: null, tagPrefixList: null },
      [
        [
          "rules[0].selection.tagPatternList",
          'tagPatternList is null; tagStatus "tagged" needs a tagPatternList or a tagPrefixList',
        ],
        ["rules[0].selection.tagPrefixList", "remove the null field tagPrefixList"],
      ],
    ],
    [
      "the unused list null",
      { tagStatus: "tagged", tagPatternList: ["a*"], tagPrefixList: null },
      [["rules[0].selection.tagPrefixList", "remove the null field tagPrefixList"]],
    ],
  ])("%s", (_name, selection, expected) => expectProblems({ rules: [rawRule(1, selection)] }, expected));
});

describe("readLifecyclePolicy", () => {
  it("returns the typed policy when it is valid", () => {
    const raw = { rules: [rawRule(1)] };
    expect(readLifecyclePolicy(raw)).toEqual({ policy: raw, problems: [] });
  });

  it("returns the problems otherwise", () => {
    expect(readLifecyclePolicy({ rules: [] })).toEqual({
      policy: undefined,
      problems: [
        {
          path: ["rules"],
          message: "rules is empty; a policy needs at least one rule",
          fix: expect.stringContaining('"rules": ['),
        },
      ],
    });
  });
});
