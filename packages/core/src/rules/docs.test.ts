import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lint } from "../engine/lint.js";
import { loadDocument } from "../loaders/load.js";
import type { Rule } from "./define.js";
import { allRules } from "./index.js";

const docsDir = new URL("../../../../docs/rules/", import.meta.url);

interface Example {
  language: string;
  kind: "bad" | "good";
  code: string;
}

/** The ```json bad / ```yaml good blocks of a rule's page: the examples are the spec. */
function examples(page: string): Example[] {
  return [...page.matchAll(/^```(json|yaml) (bad|good)\n([\s\S]*?)^```$/gm)].map(([, language, kind, code]) => ({
    language: language!,
    kind: kind as Example["kind"],
    code: code!,
  }));
}

function findingsOf(rule: Rule, example: Example) {
  const result = loadDocument(`example.${example.language}`, example.code);
  if (result.status !== "loaded") throw new Error(`the ${example.kind} example does not load: ${JSON.stringify(result)}`);
  return lint([result], [rule], new Map([[rule.id, rule.severity]])).filter((finding) => finding.ruleId === rule.id);
}

describe("rule docs", () => {
  it("every page belongs to a rule", () => {
    const ids = new Set(allRules.map((rule) => rule.id));
    const pages = readdirSync(docsDir).filter((name) => name.endsWith(".md") && name !== "README.md");
    expect(pages.filter((name) => !ids.has(name.replace(/\.md$/, "")))).toEqual([]);
  });

  it("rule ids are unique kebab-case", () => {
    const ids = allRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  describe.each(allRules.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const page = readFileSync(new URL(`${id}.md`, docsDir), "utf8");

    it("has a page titled with its id, naming its severity and an AWS reference", () => {
      expect(page.split("\n")[0]).toBe(`# ${id}`);
      expect(page).toContain(`**${rule.severity}**`);
      expect(page).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
      expect(rule.references.length).toBeGreaterThan(0);
    });

    it("reports its bad example and not its good one", () => {
      const blocks = examples(page);
      expect(blocks.filter((block) => block.kind === "bad").length).toBeGreaterThan(0);
      expect(blocks.filter((block) => block.kind === "good").length).toBeGreaterThan(0);
      for (const block of blocks) {
        const found = findingsOf(rule, block);
        if (block.kind === "bad") expect(found.length, "findings on the bad example").toBeGreaterThan(0);
        else expect(found, "findings on the good example").toEqual([]);
      }
    });
  });
});
