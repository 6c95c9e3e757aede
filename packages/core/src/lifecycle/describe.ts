import type { LifecycleEvaluation } from "./evaluate-columns.js";
import type { ImageColumns } from "./image-columns.js";
import type { LifecycleOutcome, LifecyclePath, RuleOutcome } from "./types.js";

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

function ruleName(rule: Pick<RuleOutcome, "rulePriority" | "description">): string {
  return rule.description ? `rule ${rule.rulePriority} (${rule.description})` : `rule ${rule.rulePriority}`;
}

/**
 * The outcome in lines a person reads in a log or job summary: what each rule expires or
 * archives and why, then the images kept and why.
 */
export function describeLifecycleOutcome(outcome: LifecycleOutcome): string[] {
  return Array.from(lifecycleOutcomeLines(outcome));
}

/**
 * describeLifecycleOutcome one line at a time, each reason worded as its line is reached: print a
 * large outcome in chunks, or stop after the first lines, without holding every line.
 */
export function* lifecycleOutcomeLines(outcome: LifecycleOutcome): Generator<string, void, undefined> {
  for (const rule of outcome.rules) {
    const verb = rule.action === "expire" ? "expires" : "archives";
    if (rule.images.length === 0) {
      yield `${ruleName(rule)} ${verb} nothing (identifies ${plural(rule.identified.length, "image")})`;
      continue;
    }
    yield `${ruleName(rule)} ${verb} ${plural(rule.images.length, "image")}:`;
    for (const image of rule.images)
      yield `  ${shortDigest(image.imageDigest)} [${tagList(image.imageTags)}]: ${image.reason}`;
  }
  yield `keeps ${plural(outcome.kept.length, "image")}${outcome.kept.length > 0 ? ":" : ""}`;
  for (const image of outcome.kept)
    yield `  ${shortDigest(image.imageDigest)} [${tagList(image.imageTags)}]: ${image.message}`;
}

/**
 * lifecycleOutcomeLines for evaluateImageColumns' answer, line for line the same text: each line
 * built from the columns as it is reached.
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

/** tagList of image `index` of the columns. */
function tagListAt({ tagStart, tagValues }: ImageColumns, index: number): string {
  const start = tagStart[index] as number;
  const end = tagStart[index + 1] as number;
  if (end === start + 1) return tagValues[start] as string;
  return end > start ? tagValues.slice(start, end).join(", ") : "untagged";
}

function tagList(tags: readonly string[]): string {
  // Most images carry one tag or none; join costs more than the rest of the line.
  if (tags.length === 1) return tags[0] as string;
  return tags.length > 0 ? tags.join(", ") : "untagged";
}
