import { builtInPresets } from "../config/presets.generated.js";
import { resolveSeverities, type Preset, type ShipshapeConfig } from "../config/config.js";
import { loadDocument, type LoadResult } from "../loaders/load.js";
import { allRules } from "../rules/index.js";
import type { Rule } from "../rules/define.js";
import type { Finding } from "./finding.js";
import { lint } from "./lint.js";

export interface SourceText {
  /** The path findings will name, relative to where the user runs the tool. */
  file: string;
  text: string;
}

export interface LintReport {
  findings: Finding[];
  /** Files read as ECS/ECR/CloudFormation documents (or that failed to parse). */
  checkedFiles: string[];
  skippedFiles: { file: string; reason: string }[];
}

export interface LintOptions {
  config?: ShipshapeConfig;
  rules?: readonly Rule[];
  presets?: ReadonlyMap<string, Preset>;
}

/** Loads and lints a set of files in one pass, so services link to task definitions across files. */
export function lintSources(sources: readonly SourceText[], options: LintOptions = {}): LintReport {
  return lintLoaded(
    sources.map(({ file, text }) => loadDocument(file, text)),
    options,
  );
}

/** Lints documents already loaded (loadDocument, or parseSource then readParsed), without parsing them again. */
export function lintLoaded(results: readonly LoadResult[], options: LintOptions = {}): LintReport {
  const rules = options.rules ?? allRules;
  const severities = resolveSeverities(options.config ?? {}, rules, options.presets ?? builtInPresets);
  const checkedFiles: string[] = [];
  const skippedFiles: LintReport["skippedFiles"] = [];
  for (const result of results) {
    if (result.status === "skipped") skippedFiles.push({ file: result.file, reason: result.reason });
    else checkedFiles.push(result.status === "loaded" ? result.document.file : result.file);
  }
  return { findings: lint(results, rules, severities), checkedFiles, skippedFiles };
}
