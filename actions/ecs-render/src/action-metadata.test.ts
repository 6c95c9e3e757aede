// action.yml, the README and the input parser name the same inputs and outputs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "./context.js";
import { OUTPUTS } from "./main.js";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const metadata = parse(read("action.yml")) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
};

describe("action metadata", () => {
  it("runs the committed bundle on node24", () => {
    expect(metadata.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  it("documents every input and output in the README's tables", () => {
    for (const name of [...Object.keys(metadata.inputs), ...Object.keys(metadata.outputs)])
      expect(read("README.md"), name).toContain(`| \`${name}\` |`);
  });

  it("reads exactly the inputs action.yml declares", () => {
    const asked = new Set<string>();
    parseInputs(
      (name) => {
        asked.add(name);
        return { "task-definition": "td.json", "container-name": "web", image: "x" }[name] ?? "";
      },
      { GITHUB_WORKSPACE: "/work/repo" },
    );
    expect([...asked].sort()).toEqual(Object.keys(metadata.inputs).sort());
  });

  it("sets exactly the outputs action.yml declares", () => {
    expect([...OUTPUTS]).toEqual(Object.keys(metadata.outputs));
  });
});
