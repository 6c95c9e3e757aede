// action.yml, the README and the input parser name the same inputs and outputs, with the same defaults.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "./context.js";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const metadata = parse(read("action.yml")) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};
const readme = read("README.md");
const env = { GITHUB_WORKSPACE: "/work/repo" };

describe("action metadata", () => {
  it("documents every input and output in the README's tables", () => {
    for (const name of [...Object.keys(metadata.inputs), ...Object.keys(metadata.outputs)])
      expect(readme, name).toContain(`| \`${name}\` |`);
  });

  it("reads exactly the inputs action.yml declares", () => {
    const asked = new Set<string>();
    parseInputs((name) => {
      asked.add(name);
      return "";
    }, env);
    expect([...asked].sort()).toEqual(Object.keys(metadata.inputs).sort());
  });

  it("gives action.yml's defaults the meaning the parser gives an unset input", () => {
    const defaults = parseInputs((name) => metadata.inputs[name]?.default ?? "", env);
    expect(defaults).toEqual(parseInputs(() => "", env));
  });
});
