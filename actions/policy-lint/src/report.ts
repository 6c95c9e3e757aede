// What the step leaves behind: annotations on the lines (workflow commands), outputs, the SARIF
// file, the job summary, and whether the step fails.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { annotation, countBySeverity, exitCode, formatters, toolVersion } from "@shipshape/cli";
import { allRules, type LintReport } from "@shipshape/core";
import * as runner from "@shipshape/runner";
import type { Inputs } from "./context.js";
import type { Selection } from "./files.js";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function publish(report: LintReport, inputs: Inputs, selection: Selection): void {
  const context = { rules: allRules, color: false, toolVersion };
  if (inputs.annotations) for (const finding of report.findings) runner.info(annotation(finding));
  else runner.info(formatters.stylish(report, context));

  const counts = countBySeverity(report);
  runner.setOutput("error-count", String(counts.error));
  runner.setOutput("warning-count", String(counts.warning));
  runner.setOutput("files-checked", String(report.checkedFiles.length));
  if (inputs.sarifFile) {
    mkdirSync(dirname(inputs.sarifFile), { recursive: true });
    writeFileSync(inputs.sarifFile, formatters.sarif(report, context));
    runner.setOutput("sarif-file", inputs.sarifFile);
  }
  runner.info(
    `shipshape: ${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info in ${plural(report.checkedFiles.length, "file")}`,
  );

  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const note = onlyChangedNote(selection, report);
  runner.appendSummary(`${formatters.markdown(report, context)}\n${note ? `${note}\n` : ""}`);
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
