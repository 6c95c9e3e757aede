import { describe, expect, it } from "vitest";
import { allRules } from "../rules/index.js";
import { defineRule } from "../rules/define.js";
import { resolveSeverities, type Preset } from "./config.js";
import { parseConfig } from "./parse-config.js";
import { builtInPresets } from "./presets.generated.js";

const ruleA = defineRule({ id: "rule-a", title: "a", severity: "error", description: "", rationale: "", fix: "", references: [], messages: {}, check: {} });
const ruleB = defineRule({ id: "rule-b", title: "b", severity: "warning", description: "", rationale: "", fix: "", references: [], messages: {}, check: {} });
const ruleC = defineRule({ id: "rule-c", title: "c", severity: "info", recommended: false, description: "", rationale: "", fix: "", references: [], messages: {}, check: {} });
const presets = new Map<string, Preset>([
  ["recommended", { name: "recommended", description: "", rules: {} }],
  ["strict", { name: "strict", description: "", extends: "recommended", rules: { "rule-b": "error", "rule-c": "warning" } }],
]);

describe("resolveSeverities", () => {
  it.each([
    [{}, { "rule-a": "error", "rule-b": "warning" }],
    [{ preset: "strict" }, { "rule-a": "error", "rule-b": "error", "rule-c": "warning" }],
    [{ preset: "strict", rules: { "rule-a": "off" as const } }, { "rule-b": "error", "rule-c": "warning" }],
    [{ rules: { "rule-c": "info" as const, "rule-b": "error" as const } }, { "rule-a": "error", "rule-b": "error", "rule-c": "info" }],
  ])("%j", (config, expected) => {
    expect(Object.fromEntries(resolveSeverities(config, [ruleA, ruleB, ruleC], presets))).toEqual(expected);
  });

  it("refuses an unknown preset", () => {
    expect(() => resolveSeverities({ preset: "lax" }, [ruleA], presets)).toThrow('unknown preset "lax"');
  });

  it("the built-in presets name only rules that exist", () => {
    const ids = new Set(allRules.map((rule) => rule.id));
    for (const preset of builtInPresets.values()) expect(Object.keys(preset.rules).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe("parseConfig", () => {
  const known = new Set(["no-plaintext-secrets", "image-tag-pinned"]);
  const parse = (text: string) => parseConfig(text, known, ["recommended", "strict"]);

  it("reads preset, rules and ignore", () => {
    expect(parse("preset: strict\nrules:\n  image-tag-pinned: warning\nignore: [legacy/**]\n")).toEqual({
      config: { preset: "strict", rules: { "image-tag-pinned": "warning" }, ignore: ["legacy/**"] },
      problems: [],
    });
    expect(parse("")).toEqual({ config: {}, problems: [] });
  });

  it.each([
    ["preset: lax\n", 1, 9, "preset must be one of recommended, strict"],
    ["rules:\n  image-tag-pined: error\n", 2, 3, 'unknown rule "image-tag-pined": did you mean "image-tag-pinned"?'],
    ["rules:\n  image-tag-pinned: loud\n", 2, 21, 'rule "image-tag-pinned" must be set to off, info, warning, error'],
    ["presets: strict\n", 1, 1, 'unknown key "presets"'],
    ["ignore:\n  - 3\n", 2, 5, "ignore takes a list of path globs"],
    ["rules: [\n", 2, 1, ""],
  ])("reports %j at %i:%i", (text, line, column, message) => {
    const { problems } = parse(text);
    expect(problems[0]).toMatchObject({ line, column });
    expect(problems[0]!.message).toContain(message);
  });
});
