import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ignore from "ignore";
import { allRules, builtInPresets, parseConfig, type ShipshapeConfig } from "@shipshape/core";
import { UsageError } from "./files.js";

export interface LoadedConfig {
  config: ShipshapeConfig;
  /** The file it came from, if any. */
  file?: string;
  /** True for a path (relative to cwd) the config's `ignore` globs exclude. */
  isIgnored(path: string): boolean;
}

const defaultNames = [".shipshape.yaml", ".shipshape.yml", ".shipshape.json"];

/** `--config FILE`, else `.shipshape.yaml` in the working directory, else the defaults. */
export function loadConfig(explicitPath: string | undefined, cwd: string): LoadedConfig {
  const file = explicitPath ? resolve(cwd, explicitPath) : defaultNames.map((name) => join(cwd, name)).find(existsSync);
  if (!file) return { config: {}, isIgnored: () => false };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${relative(cwd, file) || file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const shown = relative(cwd, file) || file;
  const { config, problems } = parseConfig(text, new Set(allRules.map((rule) => rule.id)), [...builtInPresets.keys()]);
  if (problems.length)
    throw new UsageError(problems.map((problem) => `${shown}:${problem.line}:${problem.column} ${problem.message}`).join("\n"));
  const matcher = ignore().add(config.ignore ?? []);
  const base = dirname(file);
  return {
    config,
    file: shown,
    isIgnored: (path) => {
      const fromConfig = relative(base, resolve(cwd, path)).split("\\").join("/");
      return !fromConfig.startsWith("..") && fromConfig !== "" && matcher.ignores(fromConfig);
    },
  };
}
