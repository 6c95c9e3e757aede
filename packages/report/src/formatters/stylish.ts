import type { Finding, Severity } from "@shipshape/core";
import { countBySeverity, groupByFile, plural, type Formatter } from "./types.js";

const paint = (code: number) => (enabled: boolean, text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = paint(31);
const yellow = paint(33);
const blue = paint(34);
const dim = paint(2);
const underline = paint(4);
const bold = paint(1);

const severityColor = { error: red, warning: yellow, info: blue };

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A file's findings with what breaks a deploy or leaks a secret first: by severity, in line order within one. */
function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]); // a stable sort
}

/** One line per rule, `  12  warning  read-only-root-filesystem`: errors first, then the most frequent. */
function ruleTally(findings: readonly Finding[], color: boolean): string[] {
  const counts = new Map<string, { ruleId: string; severity: Severity; count: number }>();
  for (const { ruleId, severity } of findings) {
    const key = `${severity} ${ruleId}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { ruleId, severity, count: 1 });
  }
  const rows = [...counts.values()].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      b.count - a.count ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  const width = Math.max(...rows.map((row) => String(row.count).length));
  return rows.map(
    ({ ruleId, severity, count }) =>
      `  ${String(count).padStart(width)}  ${severityColor[severity](color, severity.padEnd(7))}  ${dim(color, ruleId)}`,
  );
}

/**
 * ESLint-style: findings grouped by file (errors, then warnings, then info within a file), a
 * tally per rule, then a count. Only this human format reorders; json, sarif and github keep the
 * engine's order.
 */
export const stylish: Formatter = (report, { color }) => {
  const lines: string[] = [];
  for (const [file, inFile] of groupByFile(report.findings)) {
    const findings = bySeverity(inFile);
    lines.push(underline(color, file));
    let width = 0;
    for (const f of findings) width = Math.max(width, `${f.line}:${f.column}`.length);
    for (const finding of findings) {
      const place = `${finding.line}:${finding.column}`.padEnd(width);
      const severity = severityColor[finding.severity](color, finding.severity.padEnd(7));
      // The resource (a Terraform address, a logical id) places a finding in a plan's one long line.
      const resource = finding.resource && finding.resource !== file ? `  ${dim(color, finding.resource)}` : "";
      lines.push(`  ${dim(color, place)}  ${severity}  ${finding.message}  ${dim(color, finding.ruleId)}${resource}`);
    }
    lines.push("");
  }
  const counts = countBySeverity(report);
  const total = report.findings.length;
  const files = plural(report.checkedFiles.length, "file");
  if (total === 0) lines.push(`No problems in ${files}.`);
  else {
    lines.push(...ruleTally(report.findings, color), "");
    const parts = [plural(counts.error, "error"), plural(counts.warning, "warning")];
    if (counts.info) parts.push(`${counts.info} info`);
    const mark = counts.error ? red(color, "✖") : yellow(color, "⚠");
    lines.push(bold(color, `${mark} ${plural(total, "problem")} (${parts.join(", ")}) in ${files}`));
  }
  if (report.skippedFiles.length) lines.push(dim(color, `${plural(report.skippedFiles.length, "file")} skipped (not ECS, ECR, CloudFormation or a Terraform plan)`));
  return `${lines.join("\n")}\n`;
};
