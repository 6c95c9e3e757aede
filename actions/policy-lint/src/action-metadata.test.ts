// action.yml, the README and the input parser name the same inputs and outputs, with the same defaults.

import { inputsAsked, readActionFiles, testBundleAndReadme } from "@shipshape/action-kit/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "./context.js";

const files = readActionFiles(new URL("..", import.meta.url), parse);
const { metadata } = files;
const env = { GITHUB_WORKSPACE: "/work/repo" };

describe("action metadata", () => {
  testBundleAndReadme(files);

  it("reads exactly the inputs action.yml declares", () => {
    expect(inputsAsked((read) => parseInputs(read, env))).toEqual(Object.keys(metadata.inputs).sort());
  });

  it("gives action.yml's defaults the meaning the parser gives an unset input", () => {
    const defaults = parseInputs((name) => metadata.inputs[name]?.default ?? "", env);
    expect(defaults).toEqual(parseInputs(() => "", env));
  });
});
