// The job summary's section for blue/green, linear and canary deployments: the planned traffic
// shift as a Mermaid chart with its table, then what happened, stage by stage.
import { formatHookHistory } from "@shipshape/aws";
import { renderTrafficShiftMarkdown, summary } from "@shipshape/report";
import type { NativeDeployReport } from "./native-deploy.js";

const MAX_STAGE_ROWS = 60;
const { code, text } = summary;

export function nativeDeploySection(native: NativeDeployReport): string {
  const lines = [
    summary.heading(`${label(native.strategy)} deployment`, 3),
    renderTrafficShiftMarkdown(native.plan).trimEnd(),
    "",
  ];
  const rows: [string, string][] = [
    ["Waits until", native.waitUntil === "stable" ? "stable (SUCCESSFUL)" : code(native.waitUntil)],
  ];
  if (native.serviceDeploymentArn) rows.push(["Service deployment", code(native.serviceDeploymentArn)]);
  if (native.status) rows.push(["Status", code(native.status)]);
  if (native.lifecycleStage) rows.push(["Stage reached", code(native.lifecycleStage)]);
  if (native.stoppedWithRollback) rows.push(["Stopped by this step", "with rollback (StopServiceDeployment ROLLBACK)"]);
  lines.push(summary.overview(rows));

  const result = native.result;
  if (result) {
    lines.push("#### Stage by stage", "", text(result.message), "");
    if (result.stages.length > 0) {
      const stageRows = result.stages.map((visit) => [
        code(visit.stage),
        visit.enteredAt.toISOString(),
        visit.productionPercent === undefined ? "" : `${visit.productionPercent}%`,
        text(visit.hooks.map(formatHookHistory).join("; ")),
      ]);
      const shown = stageRows.slice(0, MAX_STAGE_ROWS);
      lines.push(summary.table(["stage", "entered at", "production traffic on new revision", "hook status"], shown));
      if (stageRows.length > shown.length) lines.push(`…and ${stageRows.length - shown.length} more`, "");
    }
    if (result.retriedErrors > 0) lines.push(`${result.retriedErrors} throttled or failed reads were tried again.`, "");
  }
  return lines.join("\n");
}

function label(strategy: string): string {
  return strategy === "BLUE_GREEN" ? "Blue/green" : strategy.charAt(0) + strategy.slice(1).toLowerCase();
}
