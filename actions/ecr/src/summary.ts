// The job summary: the repository, the tags pushed or retagged with their digests, and the
// lifecycle policy's effect as a table (rule, images expired, images kept).
import type { LifecyclePlan } from "@shipshape/aws";
import { shortDigest } from "@shipshape/core";
import * as runner from "@shipshape/runner";
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
const heading = (text: string, level: 2 | 3) => `<h${level}>${text}</h${level}>\n`;
const list = (items: string[]) => `<ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul>\n`;
const row = (tag: "th" | "td", cells: string[]) => `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join("")}</tr>`;
const table = (header: string[], rows: string[][]) =>
  `<table>${row("th", header)}${rows.map((cells) => row("td", cells)).join("")}</table>\n`;

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

/** The summary as HTML: the markup @actions/core's summary builder wrote. */
export function summaryHtml(report: StepReport): string {
  const parts = [heading("Amazon ECR", 2)];
  if (report.repository) {
    const { uri, created } = report.repository;
    parts.push(`<p>Repository ${code(uri)}${created ? " (created)" : ""}</p>\n`);
    const notes = [
      ...report.repository.drift.map((line) => `drift: ${line}`),
      ...report.repository.updated.map((line) => `updated: ${line}`),
    ].map(escapeHtml);
    if (notes.length > 0) parts.push(list(notes));
  }
  if (report.tags.length > 0) {
    parts.push(
      table(
        ["Tag", "Image", "Digest", "How"],
        report.tags.map((tag) => [code(tag.tag), code(tag.imageUri), code(tag.digest), tag.how]),
      ),
    );
  }
  const lifecycle = report.lifecycle;
  if (lifecycle) {
    const state =
      lifecycle.mode === "preview" ? "preview, not applied" : lifecycle.applied ? "applied" : "refused, not applied";
    parts.push(heading(`Lifecycle policy (${state})`, 3));
    parts.push(table(["Rule", "Images expired", "Images kept"], lifecycleRows(lifecycle.plan)));
    const expired = lifecycle.plan.outcome.rules.flatMap((rule) =>
      rule.images.map(
        (image) =>
          `${code(shortDigest(image.imageDigest))} [${image.imageTags.join(", ") || "untagged"}] rule ${rule.rulePriority}: ${escapeHtml(image.reason)}`,
      ),
    );
    if (expired.length > 0)
      parts.push(
        `<details><summary>${expired.length} image(s) the policy acts on</summary><ul>${expired.map((line) => `<li>${line}</li>`).join("")}</ul></details>\n`,
      );
    if (lifecycle.plan.conflicts.length > 0) {
      parts.push("<p><strong>Images that ECS services use:</strong></p>\n");
      parts.push(list(lifecycle.plan.conflicts.map((conflict) => escapeHtml(describeConflict(conflict)))));
    }
  }
  return parts.join("");
}

export function writeSummary(report: StepReport): void {
  runner.appendSummary(summaryHtml(report));
}
