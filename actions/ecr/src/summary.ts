// The job summary: the repository, the tags pushed or retagged with their digests, and the
// lifecycle policy's effect as a table (rule, images expired, images kept), in the summary style
// of @shipshape/report.
import type { LifecyclePlan } from "@shipshape/aws";
import { shortDigest, tagsAt } from "@shipshape/core";
import { summary } from "@shipshape/report";
import { describeConflict } from "./lifecycle-conflict.js";
import type { LifecycleReport, StepReport } from "./step-report.js";

const { code, text } = summary;
/** Images listed one by one under the lifecycle table; the counts above cover them all. */
const MAX_LISTED_IMAGES = 500;

/** Rows of the lifecycle table: per rule, the images it expires (or archives) and those of its pool the policy keeps. */
export function lifecycleRows(plan: LifecyclePlan): string[][] {
  const { evaluation } = plan;
  // Every image is either acted on or kept; one flag per image answers for every rule's pool.
  const acted = new Uint8Array(evaluation.columns.count);
  for (const rule of evaluation.rules) for (const index of rule.acted) acted[index] = 1;
  const rows = evaluation.rules.map(({ rule, pool, acted: ruleActed }) => {
    const name = rule.description ? `${rule.rulePriority}: ${text(rule.description)}` : String(rule.rulePriority);
    const count = rule.action.type === "expire" ? String(ruleActed.length) : `${ruleActed.length} archived`;
    let kept = 0;
    for (const index of pool) if (acted[index] === 0) kept++;
    return [name, count, String(kept)];
  });
  rows.push(["All rules", String(evaluation.expiredCount), String(evaluation.kept.length)]);
  return rows;
}

export function summaryMarkdown(report: StepReport): string {
  const sections = [summary.heading("Amazon ECR")];
  if (report.repository) {
    const { uri, created, drift, updated } = report.repository;
    sections.push(`Repository ${code(uri)}${created ? " (created)" : ""}\n`);
    const notes = [...drift.map((line) => `drift: ${line}`), ...updated.map((line) => `updated: ${line}`)];
    if (notes.length > 0) sections.push(`${notes.map((line) => `- ${text(line)}`).join("\n")}\n`);
  }
  if (report.tags.length > 0) {
    sections.push(
      summary.table(
        ["Tag", "Image", "Digest", "How"],
        report.tags.map((tag) => [code(tag.tag), code(tag.imageUri), code(tag.digest), text(tag.how)]),
      ),
    );
  }
  const done = new Set(report.tags.map((tag) => tag.tag));
  const notDone = (report.tagsAsked ?? []).filter((tag) => !done.has(tag));
  if (report.stopped) sections.push(`**Stopped:** ${text(report.stopped)}\n`);
  if (notDone.length > 0) {
    const tags = summary.capped(notDone.map(code), MAX_LISTED_IMAGES).join(", ");
    sections.push(`Not pushed or tagged: ${tags}\n`);
  }
  if (report.lifecycle) sections.push(...lifecycleSections(report.lifecycle));
  return summary.joinSummary(sections);
}

function lifecycleSections(lifecycle: LifecycleReport): string[] {
  const state =
    lifecycle.mode === "preview" ? "preview, not applied" : lifecycle.applied ? "applied" : "refused, not applied";
  const sections = [
    summary.heading(`Lifecycle policy (${state})`, 3),
    summary.table(["Rule", "Images expired", "Images kept"], lifecycleRows(lifecycle.plan)),
  ];
  // Listed up to MAX_LISTED_IMAGES; a repository of 100,000 images still makes a summary of some 50 KB.
  const actedOn: string[] = [];
  let total = 0;
  const { evaluation } = lifecycle.plan;
  const { columns } = evaluation;
  for (const [ruleIndex, { rule, acted }] of evaluation.rules.entries()) {
    total += acted.length;
    for (const index of acted.subarray(0, Math.max(MAX_LISTED_IMAGES - actedOn.length, 0))) {
      const tags = tagsAt(columns, index).join(", ") || "untagged";
      const reason = evaluation.actedReason(ruleIndex, index);
      actedOn.push(
        `${code(shortDigest(columns.digests[index] as string))} [${text(tags)}] rule ${rule.rulePriority}: ${text(reason)}`,
      );
    }
  }
  if (total > actedOn.length) actedOn.push(`…and ${total - actedOn.length} more`);
  if (total > 0) sections.push(summary.details(`${total} image(s) the policy acts on`, actedOn, MAX_LISTED_IMAGES + 1));
  if (lifecycle.plan.conflicts.length > 0) {
    sections.push(
      "**Images that ECS services use:**\n",
      `${summary
        .capped(
          lifecycle.plan.conflicts.map((conflict) => `- ${text(describeConflict(conflict))}`),
          MAX_LISTED_IMAGES,
        )
        .join("\n")}\n`,
    );
  }
  return sections;
}
