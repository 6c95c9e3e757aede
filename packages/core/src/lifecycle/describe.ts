import type { LifecycleEvaluation } from "./evaluate-columns.js";
import type { ImageColumns } from "./image-columns.js";
import type { LifecyclePath, LifecycleRule } from "./types.js";

/** "sha256:0123456789ab" (the algorithm and 12 hex digits), as docker prints short ids. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(":");
  return colon < 0 ? digest.slice(0, 12) : digest.slice(0, colon + 13);
}

/** `rules[2].selection.tagPrefixList`, for messages. */
export function formatLifecyclePath(path: LifecyclePath): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    return text === "" ? part : `${text}.${part}`;
  }, "");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function ruleName(rule: Pick<LifecycleRule, "rulePriority" | "description">): string {
  return rule.description ? `rule ${rule.rulePriority} (${rule.description})` : `rule ${rule.rulePriority}`;
}

/**
 * The evaluation in lines a person reads in a log or job summary: what each rule expires or
 * archives and why, then the images kept and why; each line (and its reason) built from the
 * columns as it is reached, so a large evaluation prints in chunks without holding every line.
 */
export function* lifecycleEvaluationLines(evaluation: LifecycleEvaluation): Generator<string, void, undefined> {
  const { columns } = evaluation;
  for (const [ruleIndex, { rule, pool, acted }] of evaluation.rules.entries()) {
    const verb = rule.action.type === "expire" ? "expires" : "archives";
    if (acted.length === 0) {
      yield `${ruleName(rule)} ${verb} nothing (identifies ${plural(pool.length, "image")})`;
      continue;
    }
    yield `${ruleName(rule)} ${verb} ${plural(acted.length, "image")}:`;
    for (const index of acted)
      yield `  ${shortDigest(columns.digests[index] as string)} [${tagListAt(columns, index)}]: ${evaluation.actedReason(ruleIndex, index)}`;
  }
  const { kept } = evaluation;
  yield `keeps ${plural(kept.length, "image")}${kept.length > 0 ? ":" : ""}`;
  for (const index of kept)
    yield `  ${shortDigest(columns.digests[index] as string)} [${tagListAt(columns, index)}]: ${evaluation.keptMessage(index)}`;
}

/** The tags of image `index`, or "untagged". */
function tagListAt({ tagStart, tagValues }: ImageColumns, index: number): string {
  const start = tagStart[index] as number;
  const end = tagStart[index + 1] as number;
  if (end === start + 1) return tagValues[start] as string;
  return end > start ? tagValues.slice(start, end).join(", ") : "untagged";
}
