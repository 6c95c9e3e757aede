import { describe, expect, it } from "vitest";
import { InputParser } from "./inputs.js";

const parserOf = (inputs: Record<string, string>) => new InputParser((name) => inputs[name] ?? "");

describe("InputParser", () => {
  it("reads booleans as GitHub's actions do, and names a value it cannot read", () => {
    const parse = parserOf({ a: "true", b: "FALSE", c: "True", d: "yes" });
    expect([parse.boolean("a", false), parse.boolean("b", true), parse.boolean("c", false)]).toEqual([
      true,
      false,
      true,
    ]);
    expect(parse.boolean("d", true)).toBe(true);
    expect(parse.boolean("unset", false)).toBe(false);
    expect(parse.problems).toEqual(['d must be true or false, found "yes"']);
  });

  it("takes one of the allowed values in any case, spelled as allowed", () => {
    const parse = parserOf({ mode: "APPLY", bad: "sometimes" });
    expect(parse.oneOf("mode", ["preview", "apply"], "preview")).toBe("apply");
    expect(parse.oneOf("bad", ["preview", "apply"], "preview")).toBe("preview");
    expect(parse.problems).toEqual(['bad must be one of preview, apply, found "sometimes"']);
  });

  it("reads whole numbers within bounds", () => {
    const parse = parserOf({ count: "3", percent: "101", negative: "-1", fraction: "1.5" });
    expect(parse.wholeNumber("count", 0)).toBe(3);
    expect(parse.wholeNumber("unset", 0)).toBeUndefined();
    expect(parse.wholeNumber("percent", 0, 100)).toBeUndefined();
    expect(parse.wholeNumber("negative", 0)).toBeUndefined();
    expect(parse.wholeNumber("fraction", 0)).toBeUndefined();
    expect(parse.problems).toEqual([
      'percent must be a whole number from 0 to 100, found "101"',
      'negative must be a whole number from 0 up, found "-1"',
      'fraction must be a whole number from 0 up, found "1.5"',
    ]);
  });

  it("splits lists on lines and commas, lines on lines only", () => {
    const parse = parserOf({ clusters: " prod, staging\n\nqa ", tags: "v1, latest\n sha-1 " });
    expect(parse.list("clusters")).toEqual(["prod", "staging", "qa"]);
    expect(parse.lines("tags")).toEqual(["v1, latest", "sha-1"]);
    expect(parse.problems).toEqual([]);
  });

  it("names every required input that is empty, and throws them all at once", () => {
    const parse = parserOf({ service: "web", "timeout-minutes": "0.5", bad: "-2", cluster: "" });
    expect(parse.string("service", { required: true })).toBe("web");
    expect(parse.string("cluster", { required: true })).toBe("");
    expect(parse.positiveNumber("timeout-minutes", 30, 360)).toBe(0.5);
    expect(parse.positiveNumber("bad", 30, 360)).toBe(30);
    parse.need(false, "image and source-tag exclude each other");
    expect(() => parse.finish()).toThrow(
      'invalid inputs:\n- cluster is required\n- bad must be a number above 0, at most 360, found "-2"\n- image and source-tag exclude each other',
    );
  });

  it("drops comment lines from line lists", () => {
    expect(parserOf({ images: "# the web tier\nweb=web:1" }).lines("images")).toEqual(["web=web:1"]);
  });
});
