import { describe, it } from "vitest";
import {
  type Expected,
  expectProblems,
  rawArchiveExpireRule as archiveExpire,
  rawRule,
} from "./test-support/fixtures.js";

describe("validateLifecyclePolicy refuses, for an action", () => {
  it.each<[string, unknown, Expected[]]>([
    [
      "no type",
      rawRule(1, {}, { type: undefined }),
      [["rules[0].action.type", 'an action has no type; write "expire" or "transition"', '"type": "expire"']],
    ],
    [
      "an unknown type",
      rawRule(1, {}, { type: "delete" }),
      [["rules[0].action.type", 'type "delete" is not one of "expire", "transition"']],
    ],
    [
      "a type in the wrong case",
      rawRule(1, {}, { type: "EXPIRE" }),
      [["rules[0].action.type", 'type "EXPIRE" is not one of', '"type": "expire"']],
    ],
    [
      "a transition without target",
      rawRule(1, {}, { type: "transition" }),
      [
        [
          "rules[0].action.targetStorageClass",
          'an action has no targetStorageClass; a transition moves images to archive: write "archive"',
        ],
      ],
    ],
    [
      "a transition to another class",
      rawRule(1, {}, { type: "transition", targetStorageClass: "glacier" }),
      [
        [
          "rules[0].action.targetStorageClass",
          'targetStorageClass "glacier" is not supported; "archive" is the only class',
          '"targetStorageClass": "archive"',
        ],
      ],
    ],
    [
      "an expire with a target",
      rawRule(1, {}, { targetStorageClass: "archive" }),
      [
        [
          "rules[0].action.targetStorageClass",
          'expire deletes images, so targetStorageClass "archive" has no meaning',
          'remove "targetStorageClass"',
        ],
      ],
    ],
    [
      "an unknown action key",
      rawRule(1, {}, { storageClass: "archive" }),
      [
        [
          "rules[0].action.storageClass",
          'an action does not take "storageClass"; the keys it takes are type, targetStorageClass',
        ],
      ],
    ],
    [
      "sinceImagePulled with expire",
      rawRule(1, { tagStatus: "any", countType: "sinceImagePulled" }),
      [
        [
          "rules[0].action.type",
          'sinceImagePulled rules can only archive; ECR refuses "expire" with it',
          '"action": {"type": "transition", "targetStorageClass": "archive"}',
        ],
      ],
    ],
    [
      "sinceImageTransitioned with transition",
      { ...archiveExpire(1, { tagStatus: "any" }), action: { type: "transition", targetStorageClass: "archive" } },
      [
        [
          "rules[0].action.type",
          "sinceImageTransitioned rules select archived images and can only expire them",
          '"action": {"type": "expire"}',
        ],
      ],
    ],
  ])("%s", (_name, rule, expected) => {
    // A JSON round trip drops the keys a case sets to undefined.
    expectProblems({ rules: [JSON.parse(JSON.stringify(rule))] }, expected);
  });
});
