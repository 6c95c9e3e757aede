// Which files the step lints: the paths input (directories walked with .gitignore, globs
// expanded), minus the config's ignore globs, and with only-changed, minus what the pull request
// leaves alone. Then their text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collectFiles, loadConfig } from "@shipshape/cli";
import type { ShipshapeConfig, SourceText } from "@shipshape/core";
import { changedFiles } from "./changed-files.js";
import type { Inputs } from "./context.js";

export interface Selection {
  files: string[];
  config: ShipshapeConfig;
  /** What only-changed did, for the log and the summary; undefined without only-changed. */
  onlyChanged?: { linted: "changed"; base: string; head: string } | { linted: "all"; reason: string };
}

export async function selectFiles(inputs: Inputs): Promise<Selection> {
  const loaded = loadConfig(inputs.config, inputs.workspace);
  const config = inputs.preset ? { ...loaded.config, preset: inputs.preset } : loaded.config;
  const files = (await collectFiles(inputs.paths, inputs.workspace)).filter((file) => !loaded.isIgnored(file));
  if (!inputs.onlyChanged) return { files, config };
  const changed = await changedFiles(inputs.event, inputs.workspace);
  if (changed.kind === "all") return { files, config, onlyChanged: { linted: "all", reason: changed.reason } };
  return {
    files: files.filter((file) => changed.files.has(file)),
    config,
    onlyChanged: { linted: "changed", base: changed.base, head: changed.head },
  };
}

/** The files' text; a file that cannot be read is a problem to report, not a crash. */
export function readSources(files: string[], workspace: string): { sources: SourceText[]; unreadable: string[] } {
  const sources: SourceText[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      sources.push({ file, text: readFileSync(join(workspace, file), "utf8") });
    } catch (error) {
      unreadable.push(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  return { sources, unreadable };
}
