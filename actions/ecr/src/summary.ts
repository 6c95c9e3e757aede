// The job summary: the repository, the tags pushed or retagged with their digests, and the
// lifecycle policy's effect as a table (rule, images expired, images kept), in the summary style
// of @shipshape/report.
import type { LifecyclePlan } from "@shipshape/aws";
import { shortDigest } from "@shipshape/core";
import { summary } from "@shipshape/report";
import { describeConflict } from "./lifecycle-conflict.js";
import type { LifecycleReport, StepReport } from "./step-report.js";

const { code, text } = summary;
/** Images listed one by one under the lifecycle table; the counts above cover them all. */
const MAX_LISTED_IMAGES = 500;

/** Rows of the lifecycle table: per rule, the images it expires (or archives) and those of its pool the policy keeps. */
export function lifecycleRows(plan: LifecyclePlan): string[][] {
  const { outcome } = plan;
  // Every image is either acted on or kept: look a rule's pool up in the smaller of the two sets
  // (a policy on a million images mostly expires, and keeps a few hundred). Filled digest by
  // digest: a million images never become one argument or array literal.
  const actedCount = outcome.expiredDigests.length + outcome.transitionedDigests.length;
  const lookUpKept = outcome.kept.length <= actedCount;
  const lookedUp = new Set<string>();
  if (lookUpKept) for (const image of outcome.kept) lookedUp.add(image.imageDigest);
  else {
    for (const digest of outcome.expiredDigests) lookedUp.add(digest);
    for (const digest of outcome.transitionedDigests) lookedUp.add(digest);
  }
  const rows = outcome.rules.map((rule) => {
    const name = rule.description ? `${rule.rulePriority}: ${text(rule.description)}` : String(rule.rulePriority);
    const acted = rule.action === "expire" ? String(rule.images.length) : `${rule.images.length} archived`;
    let found = 0;
    for (const digest of rule.identified) if (lookedUp.has(digest)) found++;
    const kept = lookUpKept ? found : rule.identified.length - found;
    return [name, acted, String(kept)];
  });
  rows.push(["All rules", String(outcome.expiredDigests.length), String(outcome.kept.length)]);
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
  for (const rule of lifecycle.plan.outcome.rules) {
    total += rule.images.length;
    for (const image of rule.images.slice(0, MAX_LISTED_IMAGES - actedOn.length)) {
      const tags = image.imageTags.join(", ") || "untagged";
      actedOn.push(
        `${code(shortDigest(image.imageDigest))} [${text(tags)}] rule ${rule.rulePriority}: ${text(image.reason)}`,
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
