import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lint } from "../engine/lint.js";
import { loadDocument } from "../loaders/load.js";
import rule from "./lifecycle-policy-valid.js";

// packages/core/src/rules/ -> the repository root's policies/lifecycle/
const presetsDirectory = new URL("../../../../policies/lifecycle/", import.meta.url);
const presetFiles = readdirSync(presetsDirectory)
  .filter((name) => name.endsWith(".json"))
  .sort();

describe("ready lifecycle policies in policies/lifecycle/", () => {
  it("include the documented presets", () => {
    expect(presetFiles).toEqual(
      expect.arrayContaining([
        "expire-untagged-after-14-days.json",
        "keep-10-per-environment.json",
        "keep-last-30-releases.json",
        "standard.json",
      ]),
    );
  });

  it.each(presetFiles)("%s is valid per lifecycle-policy-valid", (name) => {
    const text = readFileSync(new URL(name, presetsDirectory), "utf8");
    const result = loadDocument(name, text);
    expect(result.status).toBe("loaded");
    if (result.status !== "loaded") return;
    expect(result.document.resources.map((resource) => resource.kind)).toEqual(["lifecycle-policy"]);
    expect(lint([result], [rule], new Map([[rule.id, rule.severity]]))).toEqual([]);
  });

  it.each(presetFiles)("%s describes every rule", (name) => {
    const policy = JSON.parse(readFileSync(new URL(name, presetsDirectory), "utf8")) as {
      rules: { description?: unknown }[];
    };
    for (const policyRule of policy.rules) expect(policyRule.description).toEqual(expect.stringMatching(/\S/));
  });
});
