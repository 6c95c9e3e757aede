import { shortDigest } from "../describe.js";
import type { LifecycleOutcome } from "../types.js";

/**
 * The reference evaluator's outcome in the lines lifecycleEvaluationLines prints (the object
 * renderer the columns replaced), so that the two paths are compared as text too.
 */
export function* referenceOutcomeLines(outcome: LifecycleOutcome): Generator<string, void, undefined> {
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  const tagList = (tags: readonly string[]) => (tags.length > 0 ? tags.join(", ") : "untagged");
  for (const rule of outcome.rules) {
    const name = rule.description ? `rule ${rule.rulePriority} (${rule.description})` : `rule ${rule.rulePriority}`;
    const verb = rule.action === "expire" ? "expires" : "archives";
    if (rule.images.length === 0) {
      yield `${name} ${verb} nothing (identifies ${plural(rule.identified.length, "image")})`;
      continue;
    }
    yield `${name} ${verb} ${plural(rule.images.length, "image")}:`;
    for (const image of rule.images)
      yield `  ${shortDigest(image.imageDigest)} [${tagList(image.imageTags)}]: ${image.reason}`;
  }
  yield `keeps ${plural(outcome.kept.length, "image")}${outcome.kept.length > 0 ? ":" : ""}`;
  for (const image of outcome.kept)
    yield `  ${shortDigest(image.imageDigest)} [${tagList(image.imageTags)}]: ${image.message}`;
}
