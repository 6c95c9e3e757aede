import { builtInPresets } from "../config/presets.generated.js";
import { resolveSeverities, type Preset, type ShipshapeConfig } from "../config/config.js";
import { containerDefinitionsArray } from "../loaders/container-definitions.js";
import { loadDocument, type LoadResult } from "../loaders/load.js";
import type { FileReader } from "../loaders/terraform/evaluate.js";
import { isTerraformFileName } from "../loaders/terraform/file-names.js";
import type { TerraformSupport } from "../loaders/terraform/support.js";
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
  /** Reads .tf files (terraformSupport() of "@shipshape/core/terraform"); without it they are skipped. */
  terraform?: TerraformSupport;
  /**
   * Reads the files Terraform's file() and templatefile() name, by a path relative to the place
   * the sources' names are relative to; the caller keeps it inside the working directory.
   */
  readFile?: FileReader;
}

/** Loads and lints a set of files in one pass, so services link to task definitions across files. */
export function lintSources(sources: readonly SourceText[], options: LintOptions = {}): LintReport {
  return lintLoaded(loadAll(sources, options), options);
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

function loadAll(sources: readonly SourceText[], options: LintOptions): LoadResult[] {
  const terraform = sources.filter(({ file }) => isTerraformFileName(file));
  if (!terraform.length) return sources.map(({ file, text }) => loadDocument(file, text));
  const { terraform: support, readFile } = options;
  const read = new Set<string>();
  const terraformResults = support
    ? support.load(
        terraform,
        readFile &&
          ((path) => {
            const text = readFile(path);
            if (text !== undefined) read.add(path);
            return text;
          }),
      )
    : terraform.map(({ file }): LoadResult => ({ status: "skipped", file, reason: "Terraform source: this run has no Terraform parser (the shipshape CLI and the policy-lint action have one)" }));
  const others = sources.filter(({ file }) => !isTerraformFileName(file)).map(({ file, text }) => loadDocument(file, text));
  // A container list that a .tf file reads is linted as part of that task definition, at its own lines.
  for (const result of others)
    if (result.status === "loaded" && read.has(result.document.file) && result.document.description === containerDefinitionsArray.description)
      result.document.resources = [];
  return [...others, ...terraformResults];
}
