import type { Finding, LintReport, Rule } from "@shipshape/core";

export interface FormatContext {
  /** The rules that ran, for SARIF's rule metadata. */
  rules: readonly Rule[];
  color: boolean;
  toolVersion: string;
}

export type Formatter = (report: LintReport, context: FormatContext) => string;

export function countBySeverity(report: LintReport) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}

export { plural } from "../text.js";

/** The findings of each file, files in the order they first appear. */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const inFile = byFile.get(finding.file);
    if (inFile) inFile.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return byFile;
}
