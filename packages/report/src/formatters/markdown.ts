import { countBySeverity, groupByFile, plural, type Formatter } from "./types.js";

const icons = { error: "🔴 error", warning: "🟡 warning", info: "🔵 info" };

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** A job summary: the counts, a line per rule, and a table per file. */
export const markdown: Formatter = (report) => {
  const counts = countBySeverity(report);
  const lines = ["## shipshape policy check", ""];
  if (report.findings.length === 0) {
    lines.push(`✅ No problems in ${plural(report.checkedFiles.length, "file")}.`, "");
    return lines.join("\n");
  }
  lines.push(
    `**${plural(counts.error, "error")}**, ${plural(counts.warning, "warning")}, ${counts.info} info in ${plural(report.checkedFiles.length, "file")} checked.`,
    "",
    "| Rule | Findings |",
    "| --- | ---: |",
  );
  const byRule = new Map<string, number>();
  for (const finding of report.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  for (const [ruleId, count] of [...byRule].sort((a, b) => b[1] - a[1])) lines.push(`| \`${ruleId}\` | ${count} |`);
  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push("", `### \`${file}\``, "", "| Line | Severity | Rule | Message |", "| ---: | --- | --- | --- |");
    for (const f of findings) lines.push(`| ${f.line}:${f.column} | ${icons[f.severity]} | \`${f.ruleId}\` | ${cell(f.message)} |`);
  }
  lines.push("");
  return lines.join("\n");
};
