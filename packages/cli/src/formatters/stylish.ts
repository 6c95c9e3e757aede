import { countBySeverity, groupByFile, plural, type Formatter } from "./types.js";

const paint = (code: number) => (enabled: boolean, text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = paint(31);
const yellow = paint(33);
const blue = paint(34);
const dim = paint(2);
const underline = paint(4);
const bold = paint(1);

const severityColor = { error: red, warning: yellow, info: blue };

/** ESLint-style: findings grouped by file, then a count. */
export const stylish: Formatter = (report, { color }) => {
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push(underline(color, file));
    const width = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
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
    const parts = [plural(counts.error, "error"), plural(counts.warning, "warning")];
    if (counts.info) parts.push(`${counts.info} info`);
    const mark = counts.error ? red(color, "✖") : yellow(color, "⚠");
    lines.push(bold(color, `${mark} ${plural(total, "problem")} (${parts.join(", ")}) in ${files}`));
  }
  if (report.skippedFiles.length) lines.push(dim(color, `${plural(report.skippedFiles.length, "file")} skipped (not ECS, ECR, CloudFormation or a Terraform plan)`));
  return `${lines.join("\n")}\n`;
};
