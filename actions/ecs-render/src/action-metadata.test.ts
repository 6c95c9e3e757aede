// action.yml, the README and the input parser name the same inputs and outputs.

import { inputsAsked, readActionFiles, testBundleAndReadme } from "@shipshape/action-kit/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "./context.js";
import { OUTPUTS } from "./main.js";

const files = readActionFiles(new URL("..", import.meta.url), parse);
const { metadata } = files;

describe("action metadata", () => {
  testBundleAndReadme(files);

  it("reads exactly the inputs action.yml declares", () => {
    const required: Record<string, string> = { "task-definition": "td.json", "container-name": "web", image: "x" };
    const asked = inputsAsked(
      (read) => parseInputs(read, { GITHUB_WORKSPACE: "/work/repo" }),
      (name) => required[name] ?? "",
    );
    expect(asked).toEqual(Object.keys(metadata.inputs).sort());
  });

  it("sets exactly the outputs action.yml declares", () => {
    expect([...OUTPUTS]).toEqual(Object.keys(metadata.outputs));
  });
});
