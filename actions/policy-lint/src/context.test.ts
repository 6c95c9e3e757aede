import { describe, expect, it } from "vitest";
import { parseInputs } from "./context.js";

const env = {
  GITHUB_WORKSPACE: "/work/repo",
  GITHUB_EVENT_NAME: "pull_request",
  GITHUB_EVENT_PATH: "/runner/event.json",
};
const parse = (inputs: Record<string, string>) => parseInputs((name) => (inputs[name] ?? "").trim(), env);

describe("parseInputs", () => {
  it("reads the defaults: the whole repository, fail on errors, annotations, no SARIF", () => {
    expect(parse({})).toEqual({
      paths: ["."],
      config: undefined,
      preset: undefined,
      failOn: "error",
      sarifFile: undefined,
      onlyChanged: false,
      annotations: true,
      allowEmpty: false,
      workspace: "/work/repo",
      event: { name: "pull_request", payloadPath: "/runner/event.json" },
    });
  });

  it("reads paths one per line, skipping blanks and comments, and resolves sarif-file in the workspace", () => {
    const inputs = parse({
      paths: "infra/\n\n  # the templates\n  cdk.out/*.template.json  \nplan.json",
      "sarif-file": "reports/shipshape.sarif",
      "fail-on": "Warning",
      preset: "strict",
      "only-changed": "True",
      annotations: "FALSE",
      config: "ci/.shipshape.yaml",
    });
    expect(inputs).toMatchObject({
      paths: ["infra/", "cdk.out/*.template.json", "plan.json"],
      sarifFile: "/work/repo/reports/shipshape.sarif",
      failOn: "warning",
      preset: "strict",
      onlyChanged: true,
      annotations: false,
      config: "ci/.shipshape.yaml",
    });
    expect(parse({ "sarif-file": "/work/repo/out.sarif" }).sarifFile).toBe("/work/repo/out.sarif");
  });

  it.each([
    [{ "sarif-file": "/tmp/out.sarif" }, 'sarif-file: "/tmp/out.sarif" is outside the workspace'],
    [{ config: "../other/.shipshape.yaml" }, 'config: "../other/.shipshape.yaml" is outside the workspace'],
    [{ paths: "infra\n../../*.json" }, 'paths: "../../" is outside the workspace'],
  ])("refuses a path outside the workspace: %j", (inputs, problem) => {
    expect(() => parse(inputs)).toThrow(problem);
  });

  it.each([
    [{ "fail-on": "info" }, 'fail-on must be one of error, warning, never, found "info"'],
    [{ preset: "lenient" }, 'preset must be one of recommended, strict, found "lenient"'],
    [{ "only-changed": "yes" }, 'only-changed must be true or false, found "yes"'],
  ])("refuses %o", (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message);
  });
});
