import { describe, expect, it } from "vitest";
import { countWildcards, matchesTagPattern, matchesTagPrefix, selectionMatchesTags } from "./tag-match.js";
import type { LifecycleSelection } from "./types.js";

describe("matchesTagPattern", () => {
  it.each([
    // The guide's examples: "prod*" and "*prod*".
    ["prod*", "prod", true],
    ["prod*", "prod1", true],
    ["prod*", "production-team1", true],
    ["prod*", "preprod", false],
    ["*prod*", "repo-production", true],
    ["*prod*", "prod-team", true],
    ["*prod*", "pro-d", false],
    // Whole-tag match, no wildcard: equality.
    ["latest", "latest", true],
    ["latest", "latest-1", false],
    ["latest", "the-latest", false],
    // `*` is any run, the empty one included.
    ["*", "anything", true],
    ["v*.*.*", "v1.2.3", true],
    ["v*.*.*", "v1.2", false],
    ["*-sha-*", "main-sha-abc123", true],
    ["*-sha-*", "-sha-", true],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    ["a*b*c", "abc", true],
    ["a*b*c", "acb", false],
    ["*test*1*2*3", "my-test-x1y2z3", true],
    ["test*1*2*3*", "test123", true],
    ["test*1*2*3*", "tes123", false],
    // Only `*` is special.
    ["v1.?", "v1.2", false],
    ["v1.?", "v1.?", true],
    ["release[1]", "release[1]", true],
  ])("%j against %j is %s", (pattern, tag, expected) => {
    expect(matchesTagPattern(pattern, tag)).toBe(expected);
  });
});

describe("matchesTagPrefix", () => {
  it.each([
    ["prod", "prod", true],
    ["prod", "production", true],
    ["prod", "preprod", false],
    ["prod", "Prod", false],
  ])("%j against %j is %s", (prefix, tag, expected) => {
    expect(matchesTagPrefix(prefix, tag)).toBe(expected);
  });
});

describe("countWildcards", () => {
  it.each([
    ["prod", 0],
    ["*test*1*2*3", 4],
    ["test*1*2*3*4*5*6", 6],
  ])("%j has %i", (pattern, count) => {
    expect(countWildcards(pattern)).toBe(count);
  });
});

describe("selectionMatchesTags", () => {
  const base = { countType: "imageCountMoreThan", countNumber: 1 } as const;
  const tagged = (lists: Pick<LifecycleSelection, "tagPatternList" | "tagPrefixList">): LifecycleSelection => ({
    ...base,
    tagStatus: "tagged",
    ...lists,
  });
  it.each<[string, LifecycleSelection, string[], boolean]>([
    ["any matches untagged", { ...base, tagStatus: "any" }, [], true],
    ["any matches tagged", { ...base, tagStatus: "any" }, ["v1"], true],
    ["untagged matches untagged", { ...base, tagStatus: "untagged" }, [], true],
    ["untagged refuses tagged", { ...base, tagStatus: "untagged" }, ["v1"], false],
    ["tagged refuses untagged", tagged({ tagPatternList: ["*"] }), [], false],
    [
      "patterns AND: both matched by different tags",
      tagged({ tagPatternList: ["alpha*", "beta*"] }),
      ["alpha-1", "beta-1"],
      true,
    ],
    ["patterns AND: one unmatched", tagged({ tagPatternList: ["alpha*", "beta*"] }), ["alpha-1", "gamma-1"], false],
    ["patterns AND: one tag may match both entries", tagged({ tagPatternList: ["a*", "*z"] }), ["a-to-z"], true],
    ["prefixes AND: both matched", tagged({ tagPrefixList: ["alpha", "beta"] }), ["beta-2", "alpha-2"], true],
    ["prefixes AND: one unmatched", tagged({ tagPrefixList: ["alpha", "beta"] }), ["alpha-2"], false],
    ["extra tags do not matter", tagged({ tagPrefixList: ["alpha"] }), ["alpha-1", "beta-1", "gamma-1"], true],
  ])("%s", (_name, selection, tags, expected) => {
    expect(selectionMatchesTags(selection, tags)).toBe(expected);
  });
});
