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
import { LintSession, type Reread } from "./lint-session.js";

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
  const texts = new Map(sources.map(({ file, text }) => [file, text]));
  // Read again from `sources`; two sources of one name keep every tree instead.
  const reread = texts.size === sources.length ? (file: string) => texts.get(file) : undefined;
  const run = startLintRun(
    sources.filter(({ file }) => isTerraformFileName(file)),
    { ...options, reread },
  );
  for (const source of sources) if (!isTerraformFileName(source.file)) run.add(source);
  return run.finish();
}

/** Lints documents already loaded (loadDocument, or parseSource then readParsed), without parsing them again. */
export function lintLoaded(results: readonly LoadResult[], options: LintOptions = {}): LintReport {
  const session = sessionOf(options);
  for (const result of results) session.add(result);
  return session.finish();
}

/** A lint run that takes the files other than Terraform one at a time (startLintRun). */
export interface LintRun {
  /** Loads and lints one JSON or YAML file; its tree is let go unless a service in it waits for the run's end. */
  add(source: SourceText): void;
  /** The Terraform documents' findings, the links across files, and the report. */
  finish(): LintReport;
}

/**
 * Starts a lint run: the Terraform sources are loaded at once (a module spans files, and the JSON
 * files their file() calls read are linted as part of them), the others come through `add`.
 * `reread` gives an added file's text again, so a file whose task definition a service in another
 * file uses need not be held (without it, every task definition is kept to the end).
 */
export function startLintRun(
  terraformSources: readonly SourceText[],
  options: LintOptions & { reread?: Reread | undefined } = {},
): LintRun {
  const session = sessionOf(options);
  const { terraform: support, readFile } = options;
  const read = new Set<string>();
  const terraformResults = !terraformSources.length
    ? []
    : support
      ? support.load(
          terraformSources,
          readFile &&
            ((path) => {
              const text = readFile(path);
              if (text !== undefined) read.add(path);
              return text;
            }),
        )
      : terraformSources.map(
          ({ file }): LoadResult => ({
            status: "skipped",
            file,
            reason:
              "Terraform source: this run has no Terraform parser (the shipshape CLI and the policy-lint action have one)",
          }),
        );
  return {
    add({ file, text }) {
      const result = loadDocument(file, text);
      // A container list that a .tf file reads is linted as part of that task definition, at its own lines.
      if (
        result.status === "loaded" &&
        read.has(file) &&
        result.document.description === containerDefinitionsArray.description
      )
        result.document.resources = [];
      session.add(result);
    },
    finish() {
      for (const result of terraformResults) session.add(result);
      return session.finish();
    },
  };
}

function sessionOf(options: LintOptions & { reread?: Reread | undefined }): LintSession {
  const rules = options.rules ?? allRules;
  const severities = resolveSeverities(options.config ?? {}, rules, options.presets ?? builtInPresets);
  return new LintSession(rules, severities, options.reread);
}
