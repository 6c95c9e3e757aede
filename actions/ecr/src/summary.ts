// The job summary: the repository, the tags pushed or retagged with their digests, and the
// lifecycle policy's effect as a table (rule, images expired, images kept).
import * as core from "@actions/core";
import type { LifecyclePlan } from "@shipshape/aws";
import { shortDigest } from "@shipshape/core";
import { describeConflict } from "./lifecycle.js";

export interface RepositoryReport {
  uri: string;
  created: boolean;
  /** Settings that differ from the inputs, in words. */
  drift: string[];
  updated: string[];
}

export interface TagReport {
  tag: string;
  imageUri: string;
  digest: string;
  /** "pushed", "retagged from sha-1234", "already tagged". */
  how: string;
}

export interface LifecycleReport {
  mode: "preview" | "apply";
  plan: LifecyclePlan;
  applied: boolean;
}

/** What the step did so far; written as the summary even when a later part fails. */
export interface StepReport {
  repository?: RepositoryReport;
  tags: TagReport[];
  lifecycle?: LifecycleReport;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** Rows of the lifecycle table: per rule, the images it expires (or archives) and those of its pool the policy keeps. */
export function lifecycleRows(plan: LifecyclePlan): string[][] {
  const removed = new Set([...plan.outcome.expiredDigests, ...plan.outcome.transitionedDigests]);
  const rows = plan.outcome.rules.map((rule) => {
    const name = rule.description ? `${rule.rulePriority}: ${escapeHtml(rule.description)}` : String(rule.rulePriority);
    const acted = rule.action === "expire" ? String(rule.images.length) : `${rule.images.length} archived`;
    const kept = rule.identified.filter((digest) => !removed.has(digest)).length;
    return [name, acted, String(kept)];
  });
  rows.push(["All rules", String(plan.outcome.expiredDigests.length), String(plan.outcome.kept.length)]);
  return rows;
}

export async function writeSummary(report: StepReport): Promise<void> {
  const summary = core.summary.addHeading("Amazon ECR", 2);
  if (report.repository) {
    const { uri, created } = report.repository;
    summary.addRaw(`<p>Repository ${code(uri)}${created ? " (created)" : ""}</p>`, true);
    const notes = [
      ...report.repository.drift.map((line) => `drift: ${line}`),
      ...report.repository.updated.map((line) => `updated: ${line}`),
    ].map(escapeHtml);
    if (notes.length > 0) summary.addList(notes);
  }
  if (report.tags.length > 0) {
    summary.addTable([
      [
        { data: "Tag", header: true },
        { data: "Image", header: true },
        { data: "Digest", header: true },
        { data: "How", header: true },
      ],
      ...report.tags.map((tag) => [code(tag.tag), code(tag.imageUri), code(tag.digest), tag.how]),
    ]);
  }
  const lifecycle = report.lifecycle;
  if (lifecycle) {
    const state =
      lifecycle.mode === "preview" ? "preview, not applied" : lifecycle.applied ? "applied" : "refused, not applied";
    summary.addHeading(`Lifecycle policy (${state})`, 3);
    summary.addTable([
      [
        { data: "Rule", header: true },
        { data: "Images expired", header: true },
        { data: "Images kept", header: true },
      ],
      ...lifecycleRows(lifecycle.plan),
    ]);
    const expired = lifecycle.plan.outcome.rules.flatMap((rule) =>
      rule.images.map(
        (image) =>
          `${code(shortDigest(image.imageDigest))} [${image.imageTags.join(", ") || "untagged"}] rule ${rule.rulePriority}: ${escapeHtml(image.reason)}`,
      ),
    );
    if (expired.length > 0)
      summary.addDetails(
        `${expired.length} image(s) the policy acts on`,
        `<ul>${expired.map((line) => `<li>${line}</li>`).join("")}</ul>`,
      );
    if (lifecycle.plan.conflicts.length > 0) {
      summary.addRaw("<p><strong>Images that ECS services use:</strong></p>", true);
      summary.addList(lifecycle.plan.conflicts.map((conflict) => escapeHtml(describeConflict(conflict))));
    }
  }
  await summary.write();
}
