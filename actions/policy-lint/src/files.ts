// Which files the step lints: the paths input (directories walked with .gitignore, globs
// expanded), minus the config's ignore globs, and with only-changed, minus what the pull request
// leaves alone.
import type { ShipshapeConfig } from "@shipshape/core";
import { selectProjectFiles } from "@shipshape/project";
import { changedFiles } from "./changed-files.js";
import type { Inputs } from "./context.js";

export interface Selection {
  files: string[];
  config: ShipshapeConfig;
  /** What only-changed did, for the log and the summary; undefined without only-changed. */
  onlyChanged?: { linted: "changed"; base: string; head: string } | { linted: "all"; reason: string };
}

export async function selectFiles(inputs: Inputs): Promise<Selection> {
  const { files, config } = await selectProjectFiles({
    patterns: inputs.paths,
    cwd: inputs.workspace,
    configPath: inputs.config,
    preset: inputs.preset,
  });
  if (!inputs.onlyChanged) return { files, config };
  const changed = await changedFiles(inputs.event, inputs.workspace);
  if (changed.kind === "all") return { files, config, onlyChanged: { linted: "all", reason: changed.reason } };
  return {
    files: files.filter((file) => changed.files.has(file)),
    config,
    onlyChanged: { linted: "changed", base: changed.base, head: changed.head },
  };
}
