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

function ruleName(rule: RuleOutcome): string {
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

function tagList(tags: readonly string[]): string {
  // Most images carry one tag or none; join costs more than the rest of the line.
  if (tags.length === 1) return tags[0] as string;
  return tags.length > 0 ? tags.join(", ") : "untagged";
}
