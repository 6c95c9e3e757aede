import {
  describeValue,
  Fields,
  isJsonObject,
  problem,
  readEnum,
  readPositiveInteger,
  type Report,
} from "./internal-fields.js";
import { checkSelection } from "./validate-selection.js";
import { checkAcrossRules, type RuleSummary } from "./validate-across-rules.js";
import type { LifecycleActionType, LifecyclePolicy, LifecycleProblem } from "./types.js";

/** ECR's quota "Rules per lifecycle policy" (not adjustable). */
export const MAX_LIFECYCLE_RULES = 50;

const POLICY_KEYS = ["rules"];
const RULE_KEYS = ["rulePriority", "description", "selection", "action"];
const ACTION_KEYS = ["type", "targetStorageClass"];
const RULE_EXAMPLE =
  '{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", ' +
  '"countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}';

/**
 * Checks a lifecycle policy (parsed JSON) the way PutLifecyclePolicy does, and reports each
 * problem with its path into the policy, what is wrong with the value found and what to write.
 */
export function validateLifecyclePolicy(raw: unknown): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  const report: Report = (path, message, fix) => problems.push(problem(path, message, fix));
  if (!isJsonObject(raw)) {
    report(
      [],
      `a lifecycle policy is a JSON object with a "rules" array, found ${describeValue(raw)}`,
      `{"rules": [${RULE_EXAMPLE}]}`,
    );
    return problems;
  }
  const policy = new Fields(raw, [], "a lifecycle policy", POLICY_KEYS, report);
  const rules = policy.get("rules");
  if (rules === undefined) {
    policy.missing("rules", `write an array of 1 to ${MAX_LIFECYCLE_RULES} rules`, `"rules": [${RULE_EXAMPLE}]`);
  } else if (!Array.isArray(rules)) {
    report(["rules"], `rules must be an array of rules, found ${describeValue(rules)}`, `"rules": [${RULE_EXAMPLE}]`);
  } else {
    if (rules.length === 0)
      report(["rules"], "rules is empty; a policy needs at least one rule", `"rules": [${RULE_EXAMPLE}]`);
    if (rules.length > MAX_LIFECYCLE_RULES) {
      report(["rules"], `the policy has ${rules.length} rules; ECR allows at most ${MAX_LIFECYCLE_RULES}: merge rules`);
    }
    const summaries = rules.flatMap((rule, index) => {
      const summary = checkRule(rule, index, report);
      return summary ? [summary] : [];
    });
    checkAcrossRules(summaries, report);
  }
  policy.finish();
  return problems;
}

/** The policy, typed, when it has no problem; otherwise the problems. */
export function readLifecyclePolicy(
  raw: unknown,
): { policy: LifecyclePolicy; problems: [] } | { policy: undefined; problems: LifecycleProblem[] } {
  const problems = validateLifecyclePolicy(raw);
  if (problems.length > 0) return { policy: undefined, problems };
  return { policy: raw as LifecyclePolicy, problems: [] };
}

function checkRule(raw: unknown, index: number, report: Report): RuleSummary | undefined {
  if (!isJsonObject(raw)) {
    report(
      ["rules", index],
      `each rule is an object with rulePriority, selection and action, found ${describeValue(raw)}`,
      RULE_EXAMPLE,
    );
    return undefined;
  }
  const rule = new Fields(raw, ["rules", index], "a rule", RULE_KEYS, report);
  const rulePriority = readPositiveInteger(
    rule,
    "rulePriority",
    "priorities are whole numbers from 1, one per rule",
    report,
  );
  const description = rule.get("description");
  if (description !== undefined && typeof description !== "string") {
    report(rule.at("description"), `description must be a string, found ${describeValue(description)}`);
  }

  const rawSelection = rule.get("selection");
  let selection: ReturnType<typeof checkSelection> | undefined;
  if (rawSelection === undefined) {
    rule.missing("selection", "every rule needs a selection with tagStatus, countType and countNumber", RULE_EXAMPLE);
  } else if (!isJsonObject(rawSelection)) {
    report(rule.at("selection"), `selection must be an object, found ${describeValue(rawSelection)}`);
  } else {
    selection = checkSelection(rawSelection, rule.at("selection"), report);
  }

  const rawAction = rule.get("action");
  let actionType: LifecycleActionType | undefined;
  if (rawAction === undefined) {
    rule.missing("action", 'every rule needs an action: write {"type": "expire"}', '"action": {"type": "expire"}');
  } else if (!isJsonObject(rawAction)) {
    report(
      rule.at("action"),
      `action must be an object, found ${describeValue(rawAction)}`,
      '"action": {"type": "expire"}',
    );
  } else {
    actionType = checkAction(new Fields(rawAction, rule.at("action"), "an action", ACTION_KEYS, report), report);
  }

  // AWS ECR User Guide, "Examples of lifecycle policies": "The sinceImagePulled count type must be
  // used with the transition action" and "The sinceImageTransitioned count type must be used with
  // the expire action and the archive storage class."
  if (selection?.countType === "sinceImagePulled" && actionType === "expire") {
    report(
      rule.at("action", "type"),
      'sinceImagePulled rules can only archive; ECR refuses "expire" with it. Archive with this rule and expire from ' +
        "archive with a sinceImageTransitioned rule",
      '"action": {"type": "transition", "targetStorageClass": "archive"}',
    );
  }
  if (selection?.countType === "sinceImageTransitioned" && actionType === "transition") {
    report(
      rule.at("action", "type"),
      'sinceImageTransitioned rules select archived images and can only expire them: write "expire"',
      '"action": {"type": "expire"}',
    );
  }
  rule.finish();
  return {
    index,
    ...(rulePriority === undefined ? {} : { rulePriority }),
    ...(selection?.tagStatus === undefined ? {} : { tagStatus: selection.tagStatus }),
    storageClass: selection?.storageClass ?? "standard",
    ...(selection?.tagFilter === undefined ? {} : { tagFilter: selection.tagFilter }),
  };
}

function checkAction(action: Fields, report: Report): LifecycleActionType | undefined {
  const type = readEnum(action, "type", ["expire", "transition"] as const, report);
  if (!action.has("type")) action.missing("type", 'write "expire" or "transition"', '"type": "expire"');
  const target = action.get("targetStorageClass");
  if (type === "transition") {
    if (target === undefined) {
      action.missing(
        "targetStorageClass",
        'a transition moves images to archive: write "archive"',
        '"targetStorageClass": "archive"',
      );
    } else if (target !== "archive") {
      report(
        action.at("targetStorageClass"),
        `targetStorageClass ${describeValue(target)} is not supported; "archive" is the only class a rule moves images to`,
        '"targetStorageClass": "archive"',
      );
    }
  } else if (type === "expire" && target !== undefined) {
    report(
      action.at("targetStorageClass"),
      `expire deletes images, so targetStorageClass ${describeValue(target)} has no meaning; it goes only with "type": "transition"`,
      'remove "targetStorageClass"',
    );
  }
  action.finish();
  return type;
}
