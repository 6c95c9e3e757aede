import { isAbsolute, resolve } from "node:path";
import { builtInPresets } from "@shipshape/core";
import * as runner from "@shipshape/runner";

export type FailOn = "error" | "warning" | "never";

/** The pull_request event the step runs for, as the runner describes it. */
export interface EventContext {
  /** GITHUB_EVENT_NAME: pull_request, push, ... */
  name: string;
  /** GITHUB_EVENT_PATH: the webhook payload as JSON. */
  payloadPath: string;
}

/** Everything the step was asked to do, parsed and checked. */
export interface Inputs {
  /** Files, directories and globs relative to the workspace; ["."] is the whole repository. */
  paths: string[];
  /** A .shipshape.yaml to use; undefined: .shipshape.yaml in the workspace, if there is one. */
  config: string | undefined;
  /** A built-in preset that replaces the config's. */
  preset: string | undefined;
  failOn: FailOn;
  /** Where to write SARIF, absolute; undefined: no SARIF. */
  sarifFile: string | undefined;
  onlyChanged: boolean;
  annotations: boolean;
  /** The repository checkout (GITHUB_WORKSPACE): paths, findings and git are relative to it. */
  workspace: string;
  event: EventContext;
}

/** Reads one input by its action.yml name, trimmed; "" when unset. */

const FAIL_ON: readonly FailOn[] = ["error", "warning", "never"];

/** The inputs of this step as the runner passes them (INPUT_* variables). */
export function readInputs(): Inputs {
  return parseInputs((name) => runner.getInput(name), process.env);
}

/** Parses and checks the inputs; throws one Error listing every problem. */
export function parseInputs(read: runner.InputReader, env: NodeJS.ProcessEnv): Inputs {
  const parse = new runner.InputParser(read);
  const { problems } = parse;

  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const paths = read("paths")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));

  const failOnText = read("fail-on").toLowerCase() || "error";
  const failOn = FAIL_ON.find((option) => option === failOnText);
  if (!failOn) problems.push(`fail-on must be one of ${FAIL_ON.join(", ")}, found "${read("fail-on")}"`);

  const preset = read("preset") || undefined;
  if (preset !== undefined && !builtInPresets.has(preset))
    problems.push(`preset must be one of ${[...builtInPresets.keys()].join(", ")}, found "${preset}"`);

  const sarifFile = read("sarif-file");
  const inputs: Inputs = {
    paths: paths.length ? paths : ["."],
    config: read("config") || undefined,
    preset,
    failOn: failOn ?? "error",
    sarifFile: sarifFile ? (isAbsolute(sarifFile) ? sarifFile : resolve(workspace, sarifFile)) : undefined,
    onlyChanged: parse.boolean("only-changed", false),
    annotations: parse.boolean("annotations", true),
    workspace,
    event: { name: env.GITHUB_EVENT_NAME ?? "", payloadPath: env.GITHUB_EVENT_PATH ?? "" },
  };
  if (problems.length) throw new Error(problems.join("\n"));
  return inputs;
}
