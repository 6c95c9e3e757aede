// action.yml, the README and the input parser name the same inputs and outputs, with the same defaults.

import { inputsAsked, readActionFiles, testBundleAndReadme } from "@shipshape/action-kit/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "./context.js";
import { outputsOf } from "./main.js";

const files = readActionFiles(new URL("..", import.meta.url), parse);
const { metadata } = files;
const env = { GITHUB_WORKSPACE: "/work/repo", AWS_REGION: "us-east-1" };
/** The one required input, so the parser does not refuse the rest. */
const withService = (read: (name: string) => string) => (name: string) => (name === "service" ? "web" : read(name));

describe("action metadata", () => {
  testBundleAndReadme(files);

  it("reads exactly the inputs action.yml declares", () => {
    const asked = inputsAsked((read) => parseInputs(withService(read), env));
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
