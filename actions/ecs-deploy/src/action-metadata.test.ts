// action.yml, the README and the input parser name the same inputs and outputs, with the same defaults.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "./context.js";
import { outputsOf } from "./main.js";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const metadata = parse(read("action.yml")) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
};
const readme = read("README.md");
const env = { GITHUB_WORKSPACE: "/work/repo", AWS_REGION: "us-east-1" };
/** The one required input, so the parser does not refuse the rest. */
const withService = (read: (name: string) => string) => (name: string) => (name === "service" ? "web" : read(name));

describe("action metadata", () => {
  it("runs the committed bundle on node24", () => {
    expect(metadata.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  it("documents every input and output in the README's tables", () => {
    for (const name of [...Object.keys(metadata.inputs), ...Object.keys(metadata.outputs)])
      expect(readme, name).toContain(`| \`${name}\` |`);
  });

  it("reads exactly the inputs action.yml declares", () => {
    const asked = new Set<string>();
    parseInputs(
      withService((name) => {
        asked.add(name);
        return "";
      }),
      env,
    );
    expect([...asked, "service"].sort()).toEqual(Object.keys(metadata.inputs).sort());
  });

  it("gives action.yml's defaults the meaning the parser gives an unset input", () => {
    const defaults = parseInputs(
      withService((name) => metadata.inputs[name]?.default ?? ""),
      env,
    );
    expect(defaults).toEqual(
      parseInputs(
        withService(() => ""),
        env,
      ),
    );
  });

  it("sets exactly the outputs action.yml declares", () => {
    expect(Object.keys(outputsOf({})).sort()).toEqual(Object.keys(metadata.outputs).sort());
  });
});
