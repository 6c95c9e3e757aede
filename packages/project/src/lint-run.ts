// One lint run over a project, as the CLI and the policy-lint action both do it: the config, the
// files (walked, globbed, .gitignore and the config's ignore globs applied), their text, the
// findings; and the exit policy that turns a report into 0, 1 or 2.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { atLeast, isTerraformFileName, type LintReport, type Severity, type ShipshapeConfig, type SourceText, startLintRun } from "@shipshape/core";
import { type LoadedConfig, loadConfig } from "./config.js";
import { collectFiles } from "./files.js";
import { terraformOptions, withLocalModules } from "./terraform.js";

export interface ProjectSelection {
  /** Paths relative to `cwd`, sorted. */
  files: string[];
  config: ShipshapeConfig;
  loadedConfig: LoadedConfig;
}

/**
 * The config (explicit, or .shipshape.yaml in `cwd`), the preset override, and the files to lint,
 * with the .tf files of the local modules that Terraform files call.
 */
export async function selectProjectFiles(options: {
  patterns: readonly string[];
  cwd: string;
  configPath?: string | undefined;
  preset?: string | undefined;
}): Promise<ProjectSelection> {
  const loadedConfig = loadConfig(options.configPath, options.cwd);
  const config = options.preset ? { ...loadedConfig.config, preset: options.preset } : loadedConfig.config;
  const collected = withLocalModules(await collectFiles(options.patterns, options.cwd), options.cwd);
  const files = collected.filter((file) => !loadedConfig.isIgnored(file));
  return { files, config, loadedConfig };
}

export interface LintRun {
  report: LintReport;
  /** One line per file that could not be read. */
  unreadable: string[];
}

/**
 * Reads and lints `files` with `config`. The Terraform parser (WebAssembly) loads only when a .tf
 * file is among them.
 */
export async function lintFiles(files: readonly string[], cwd: string, config: ShipshapeConfig): Promise<LintRun> {
  const terraform = await terraformOptions(files, cwd);
  // By the file's place in `files`: Terraform files are read first, the report lists them in order.
  const unreadable: string[] = [];
  const textOf = (file: string, index: number): string | undefined => {
    const text = readText(cwd, file);
    if (typeof text !== "string") unreadable[index] = `${file}: cannot read the file (${text.cannotRead})`;
    return typeof text === "string" ? text : undefined;
  };
  const terraformSources: SourceText[] = [];
  files.forEach((file, index) => {
    if (!isTerraformFileName(file)) return;
    const text = textOf(file, index);
    if (text !== undefined) terraformSources.push({ file, text });
  });
  const reread = (file: string) => {
    const text = readText(cwd, file);
    return typeof text === "string" ? text : undefined;
  };
  const run = startLintRun(terraformSources, { config, ...terraform, reread });
  // One file at a time, read with the synchronous call: the run holds one tree and one text, and
  // reading a small file costs less than handing it to the thread pool and back.
  files.forEach((file, index) => {
    if (isTerraformFileName(file)) return;
    const text = textOf(file, index);
    if (text !== undefined) run.add({ file, text });
  });
  const report = run.finish();
  return { report, unreadable: unreadable.filter((line) => line !== undefined) };
}

/** The file's text, or why it cannot be read (the error's code): a problem to report, not a crash. */
function readText(cwd: string, file: string): string | { cannotRead: string } {
  try {
    return readFileSync(join(cwd, file), "utf8");
  } catch (error) {
    return { cannotRead: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

export type FailOn = Severity | "never";

/**
 * Why a run that checked no file must not pass, or undefined when it checked some: a glob that
 * matches nothing, an empty directory or files of other kinds only would otherwise read as clean.
 */
export function nothingChecked(report: LintReport): string | undefined {
  if (report.checkedFiles.length > 0) return undefined;
  const skipped = report.skippedFiles;
  if (skipped.length === 0) return "no files to lint: the paths name no JSON, YAML or Terraform file";
  const reasons = new Map<string, number>();
  for (const { reason } of skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const listed = [...reasons].map(([reason, count]) => `${count} ${reason}`).join("; ");
  return `no files to lint: ${skipped.length} file${skipped.length === 1 ? " was" : "s were"} skipped (${listed})`;
}

/** 2 for unreadable or unparsable input, 1 for findings at `failOn` or above (or too many warnings), else 0. */
export function exitCode(report: LintReport, hadUnreadable: boolean, failOn: FailOn, maxWarnings?: number): number {
  if (hadUnreadable || report.findings.some((finding) => finding.ruleId === "parse-error")) return 2;
  if (failOn !== "never" && report.findings.some((finding) => atLeast(finding.severity, failOn))) return 1;
  const warnings = report.findings.filter((finding) => finding.severity === "warning").length;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}
