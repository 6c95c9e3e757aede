// action.yml, the README and the input parser name the same inputs and outputs, with the same defaults.

import { inputsAsked, readActionFiles, undocumentedNames } from "@shipshape/action-kit/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "./context.js";

const { metadata, readme } = readActionFiles(new URL("..", import.meta.url), parse);
const env = { GITHUB_WORKSPACE: "/work/repo" };

describe("action metadata", () => {
  it("documents every input and output in the README's tables", () => {
    expect(undocumentedNames(metadata, readme)).toEqual([]);
  });

  it("reads exactly the inputs action.yml declares", () => {
    expect(inputsAsked((read) => parseInputs(read, env))).toEqual(Object.keys(metadata.inputs).sort());
  });

  it("gives action.yml's defaults the meaning the parser gives an unset input", () => {
    const defaults = parseInputs((name) => metadata.inputs[name]?.default ?? "", env);
    expect(defaults).toEqual(parseInputs(() => "", env));
  });
});
