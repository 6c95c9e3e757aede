import { InputParser, type InputReader, workspaceOf } from "@shipshape/action-kit";
import { builtInPresets } from "@shipshape/core";

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
  /** Pass when no file was checked. */
  allowEmpty: boolean;
  annotations: boolean;
  /** The repository checkout (GITHUB_WORKSPACE): paths, findings and git are relative to it. */
  workspace: string;
  event: EventContext;
}

const FAIL_ON: readonly FailOn[] = ["error", "warning", "never"];

/** Parses and checks the inputs; throws one Error listing every problem. */
export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const parse = new InputParser(read);
  const workspace = workspaceOf(env);
  const paths = parse.lines("paths");
  const sarifFile = parse.string("sarif-file");
  const preset = parse.string("preset") || undefined;
  parse.need(
    preset === undefined || builtInPresets.has(preset),
    `preset must be one of ${[...builtInPresets.keys()].join(", ")}, found "${preset}"`,
  );
  // A glob's fixed part (up to its first wildcard) must stay in the workspace like any path.
  for (const path of paths) parse.workspacePath("paths", path.split(/[*?[{]/)[0] || ".", workspace);
  const config = parse.string("config") || undefined;
  if (config) parse.workspacePath("config", config, workspace);
  const inputs: Inputs = {
    paths: paths.length > 0 ? paths : ["."],
    config,
    preset,
    failOn: parse.oneOf("fail-on", FAIL_ON, "error"),
    sarifFile: sarifFile ? parse.workspacePath("sarif-file", sarifFile, workspace)?.path : undefined,
    onlyChanged: parse.boolean("only-changed", false),
    allowEmpty: parse.boolean("allow-empty", false),
    annotations: parse.boolean("annotations", true),
    workspace,
    event: { name: env.GITHUB_EVENT_NAME ?? "", payloadPath: env.GITHUB_EVENT_PATH ?? "" },
  };
  parse.finish();
  return inputs;
}
