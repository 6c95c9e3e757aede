// What the step leaves behind: annotations on the lines (workflow commands), outputs, the SARIF
// file, the job summary, and whether the step fails.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as core from "@actions/core";
import { maskUrlCredentials, printUntrusted } from "@shipshape/action-kit";
import { allRules, type LintReport } from "@shipshape/core";
import { exitCode, nothingChecked } from "@shipshape/project";
import { annotation, countBySeverity, formatters, plural, summary, toolVersion } from "@shipshape/report";
import type { Inputs } from "./context.js";
import type { Selection } from "./files.js";

export async function publish(report: LintReport, inputs: Inputs, selection: Selection): Promise<void> {
  const context = { rules: allRules, color: false, toolVersion };
  if (inputs.annotations) for (const finding of report.findings) core.info(annotation(finding));
  // Paths and messages come from the repository's files: no line of them may act as a workflow command.
  else printUntrusted(formatters.stylish(report, context));

  const counts = countBySeverity(report);
  core.setOutput("error-count", String(counts.error));
  core.setOutput("warning-count", String(counts.warning));
  core.setOutput("files-checked", String(report.checkedFiles.length));
  if (inputs.sarifFile) {
    mkdirSync(dirname(inputs.sarifFile), { recursive: true });
    writeFileSync(inputs.sarifFile, formatters.sarif(report, context));
    core.setOutput("sarif-file", inputs.sarifFile);
  }
  core.info(
    `shipshape: ${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info in ${plural(report.checkedFiles.length, "file")}`,
  );

  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const note = onlyChangedNote(selection, report) ?? emptyRunNote(report, inputs, selection);
  const markdown = maskUrlCredentials(formatters.markdown(report, context));
  await core.summary.addRaw(summary.joinSummary([markdown, note ?? ""])).write();
}

function onlyChangedNote({ onlyChanged }: Selection, report: LintReport): string | undefined {
  if (!onlyChanged) return undefined;
  if (onlyChanged.linted === "all") return `> [!NOTE]\n> only-changed: ${onlyChanged.reason}.`;
  const range = `${onlyChanged.base.slice(0, 7)}...${onlyChanged.head.slice(0, 7)}`;
  return `Only the files this pull request adds or changes (${range}) were linted: ${plural(report.checkedFiles.length, "file")}.`;
}

/** Why the step fails, or undefined when it passes: fail-on for findings, always for unreadable input. */
export function failure(
  report: LintReport,
  unreadable: readonly string[],
  failOn: Inputs["failOn"],
): string | undefined {
  const code = exitCode(report, unreadable.length > 0, failOn);
  if (code === 0) return undefined;
  if (code === 2) {
    const broken = report.findings.filter((finding) => finding.ruleId === "parse-error").length + unreadable.length;
    return `${plural(broken, "file")} could not be read or parsed`;
  }
  const counts = countBySeverity(report);
  const found =
    failOn === "warning"
      ? `${plural(counts.error, "error")} and ${plural(counts.warning, "warning")}`
      : plural(counts.error, "error");
  return `shipshape found ${found} (fail-on: ${failOn})`;
}

/** A run that checked nothing fails (unless allow-empty), but for a pull request that changes no file shipshape reads. */
export function emptyRunFailure(report: LintReport, inputs: Inputs, selection: Selection): string | undefined {
  if (inputs.allowEmpty || selection.onlyChanged?.linted === "changed") return undefined;
  const empty = nothingChecked(report);
  return empty && `${empty}: check the paths input, or set allow-empty: true if that is expected`;
}

function emptyRunNote(report: LintReport, inputs: Inputs, selection: Selection): string | undefined {
  const empty = emptyRunFailure(report, inputs, selection);
  return empty && `> [!CAUTION]\n> ${summary.text(empty)}`;
}
