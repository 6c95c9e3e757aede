// The job summary: what changed, the plan, how the rollout went, and on failure why tasks stopped.
import { formatStoppedTask, formatTaskDefinitionChanges, maskUrlCredentials } from "@shipshape/aws";
import { allRules } from "@shipshape/core";
import { formatters, renderPlan, summary } from "@shipshape/report";
import type { Inputs } from "./context.js";
import type { DeployReport } from "./deploy.js";
import { nativeDeploySection } from "./native-summary.js";
import { dropInSections } from "./drop-in-summary.js";

const MAX_CHANGE_LINES = 60;
const MAX_EVENTS = 20;
const MAX_STOPPED_TASKS = 20;
const { code, text } = summary;

export function summaryMarkdown(inputs: Inputs, report: DeployReport, failure: string | undefined): string {
  const lines = [`## ${headline(inputs, report, failure)}`, ""];
  if (failure) lines.push(...failure.split("\n").map((line) => `> ${text(line)}`), "");
  lines.push(
    "| | |",
    "| --- | --- |",
    ...overview(inputs, report).map(([name, value]) => `| ${name} | ${value} |`),
    "",
  );

  if (report.changes) {
    lines.push("### Task definition changes", "");
    if (report.changes.length === 0) lines.push("Nothing in the task definition: the current revision is kept.", "");
    else {
      lines.push(summary.codeBlock(formatTaskDefinitionChanges(report.changes), "diff", MAX_CHANGE_LINES));
    }
  }
  lines.push(...dropInSections(report));
  if (report.plan) lines.push("### Rolling plan", "", summary.codeBlock(renderPlan(report.plan).trimEnd().split("\n")));
  if (report.native) lines.push(nativeDeploySection(report.native), "");
  const rollout = report.rollout;
  if (rollout) {
    lines.push("### Rollout", "", text(rollout.message), "");
    const events = rollout.events.slice(-MAX_EVENTS);
    if (events.length > 0)
      lines.push(
        summary.details(
          "Service events",
          events.map((event) => text(event.message ?? "")),
        ),
      );
    if (rollout.stoppedTasks.length > 0) {
      lines.push(
        "### Why tasks stopped",
        "",
        ...summary.capped(
          rollout.stoppedTasks.map((task) => `- ${text(formatStoppedTask(task))}`),
          MAX_STOPPED_TASKS,
        ),
        "",
      );
    }
  }
  if (report.policy) {
    const { policy, report: lint } = report.policy;
    const findings = formatters.markdown(lint, { rules: allRules, color: false, toolVersion: "" });
    lines.push(findings.replace(/^## shipshape policy check/, `### Policy check (${policy})`), "");
  }
  // Messages and findings may quote a value from the file: no credentials in URLs.
  return summary.joinSummary([maskUrlCredentials(lines.join("\n"))]);
}

function headline(inputs: Inputs, report: DeployReport, failure: string | undefined): string {
  const what = inputs.service
    ? `ECS deploy: ${inputs.service} in ${inputs.cluster}`
    : `ECS task definition ${report.family ?? ""} registered only`;
  if (failure) return `❌ ${what} failed`;
  if (inputs.dryRun) return `🔍 ${what} (dry run)`;
  if (report.rolloutState === "COMPLETED") return `✅ ${what} completed`;
  if (report.native?.result?.state === "STAGE_REACHED") return `⏸️ ${what} reached ${report.native.lifecycleStage}`;
  return `🚀 ${what} started`;
}

function overview(inputs: Inputs, report: DeployReport): [string, string][] {
  const rows: [string, string][] = [];
  const registration = report.registration;
  if (registration)
    rows.push([
      "Task definition",
      `${code(registration.taskDefinitionArn)} ${registration.registered ? "(new revision)" : "(unchanged)"}`,
    ]);
  else if (inputs.dryRun && report.changes) {
    rows.push([
      "Task definition",
      report.changes.length > 0 ? `a new revision of ${text(report.family ?? "")} would be registered` : "unchanged",
    ]);
  }
  if (report.previousTaskDefinitionArn) rows.push(["Previous", code(report.previousTaskDefinitionArn)]);
  for (const { container, image } of inputs.images) rows.push([`Image of ${text(container)}`, code(image)]);
  if (report.settings) {
    const { desiredCount, minimumHealthyPercent, maximumPercent } = report.settings;
    rows.push(
      ["Desired count", String(desiredCount)],
      ["Minimum healthy / maximum", `${minimumHealthyPercent}% / ${maximumPercent}%`],
    );
  }
  const breaker = inputs.circuitBreaker;
  rows.push(["Circuit breaker", breaker.enable ? (breaker.rollback ? "on, rolls back" : "on, no rollback") : "off"]);
  if (inputs.alarms.length > 0) rows.push(["Alarms", text(inputs.alarms.join(", "))]);
  if (report.deploymentId) rows.push(["Deployment", code(report.deploymentId)]);
  if (report.rolloutState) rows.push(["Rollout", rolloutCell(report)]);
  if (report.rollback) rows.push(["Rolled back to", code(report.rollback.taskDefinitionArn)]);
  if (report.rollbackFailure) rows.push(["Rollback", `failed: ${text(report.rollbackFailure)}`]);
  return rows;
}

function rolloutCell(report: DeployReport): string {
  const snapshot = report.rollout?.snapshot;
  if (!snapshot) return report.rolloutState ?? "";
  return `${report.rolloutState}: ${snapshot.running}/${snapshot.desired} running, ${snapshot.failed} failed`;
}
