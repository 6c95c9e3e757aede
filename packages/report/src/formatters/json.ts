import { countBySeverity, type Formatter } from "./types.js";

/** One JSON object: the findings, what was skipped and why, and the counts. */
export const json: Formatter = (report, { toolVersion }) => {
  const counts = countBySeverity(report);
  return `${JSON.stringify(
    {
      tool: { name: "shipshape", version: toolVersion },
      findings: report.findings,
      summary: {
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        filesChecked: report.checkedFiles.length,
        filesSkipped: report.skippedFiles.length,
      },
      skipped: report.skippedFiles,
    },
    null,
    2,
  )}\n`;
};
