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
  const lines: string[] = [];
  for (const rule of outcome.rules) {
    const verb = rule.action === "expire" ? "expires" : "archives";
    if (rule.images.length === 0) {
      lines.push(`${ruleName(rule)} ${verb} nothing (identifies ${plural(rule.identified.length, "image")})`);
      continue;
    }
    lines.push(`${ruleName(rule)} ${verb} ${plural(rule.images.length, "image")}:`);
    for (const image of rule.images) {
      const tags = image.imageTags.length > 0 ? image.imageTags.join(", ") : "untagged";
      lines.push(`  ${shortDigest(image.imageDigest)} [${tags}]: ${image.reason}`);
    }
  }
  lines.push(`keeps ${plural(outcome.kept.length, "image")}${outcome.kept.length > 0 ? ":" : ""}`);
  for (const image of outcome.kept) {
    const tags = image.imageTags.length > 0 ? image.imageTags.join(", ") : "untagged";
    lines.push(`  ${shortDigest(image.imageDigest)} [${tags}]: ${image.message}`);
  }
  return lines;
}
