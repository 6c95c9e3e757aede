import type { Report } from "./internal-fields.js";
import type { StorageClass, TagStatus } from "./types.js";

/** What the policy-wide checks need to know of one rule that was readable enough. */
export interface RuleSummary {
  index: number;
  rulePriority?: number;
  tagStatus?: TagStatus;
  storageClass: StorageClass;
  tagFilter?: { key: "tagPatternList" | "tagPrefixList"; values: string[] };
}

/**
 * The checks that need several rules: unique priorities, one untagged rule and `any` last per
 * storage class, no two rules with the same tag filter in a storage class.
 */
export function checkAcrossRules(rules: RuleSummary[], report: Report): void {
  // a loop, not Math.max(...priorities): a spread of 200,000 arguments overflows the call stack
  let highest = 0;
  for (const rule of rules) if (rule.rulePriority !== undefined && rule.rulePriority > highest) highest = rule.rulePriority;
  const nextFree = highest + 1;

  const firstWithPriority = new Map<number, RuleSummary>();
  for (const rule of rules) {
    if (rule.rulePriority === undefined) continue;
    const earlier = firstWithPriority.get(rule.rulePriority);
    if (!earlier) {
      firstWithPriority.set(rule.rulePriority, rule);
      continue;
    }
    report(
      ["rules", rule.index, "rulePriority"],
      `rulePriority ${rule.rulePriority} is also the priority of rules[${earlier.index}]; every rule needs its own priority`,
      `"rulePriority": ${nextFree}`,
    );
  }

  for (const storageClass of ["standard", "archive"] as const) {
    const inClass = rules.filter((rule) => rule.storageClass === storageClass);
    checkUntagged(inClass, storageClass, report);
    checkAnyIsLast(inClass, storageClass, nextFree, report);
    checkDistinctTagFilters(inClass, storageClass, report);
  }
}

// AWS ECR User Guide, "Lifecycle policy evaluation rules": "Only one rule selecting a specific
// storage class is allowed to select untagged images." (`any` rules are not counted: the guide's
// own examples pair an untagged rule with an any rule.)
function checkUntagged(rules: RuleSummary[], storageClass: StorageClass, report: Report): void {
  const untagged = rules.filter((rule) => rule.tagStatus === "untagged");
  const first = untagged[0];
  for (const rule of untagged.slice(1)) {
    report(
      ["rules", rule.index, "selection", "tagStatus"],
      `a second "untagged" rule for ${storageClass} images (rules[${first?.index}] is one already); ECR allows one ` +
        "untagged rule per storage class: merge the two rules",
    );
  }
}

// "A rule with a tagStatus value of any must have the highest value for rulePriority and be
// evaluated last" (Lifecycle policy properties). The guide's archive examples put a standard
// `any` transition rule before an archive `any` expire rule, so "last" is within a storage class.
function checkAnyIsLast(rules: RuleSummary[], storageClass: StorageClass, nextFree: number, report: Report): void {
  for (const rule of rules) {
    if (rule.tagStatus !== "any" || rule.rulePriority === undefined) continue;
    const own = rule.rulePriority;
    const later = rules.filter(
      (other) => other !== rule && other.rulePriority !== undefined && other.rulePriority > own,
    );
    if (later.length === 0) continue;
    const names = later.map((other) => `rules[${other.index}] (${other.rulePriority})`).join(", ");
    report(
      ["rules", rule.index, "rulePriority"],
      `a tagStatus "any" rule must have the highest rulePriority among the ${storageClass} rules, but rulePriority ` +
        `${own} comes before ${names}; give it the highest priority`,
      `"rulePriority": ${nextFree}`,
    );
  }
}

// "The set of all rules selecting a specific storage class must contain a unique set of
// prefixes." Two rules with the same filter also make the lower one dead: it may not act on any
// image the higher one identifies, and it identifies nothing else.
function checkDistinctTagFilters(rules: RuleSummary[], storageClass: StorageClass, report: Report): void {
  const seen = new Map<string, RuleSummary>();
  const byPriority = [...rules].sort((a, b) => (a.rulePriority ?? Infinity) - (b.rulePriority ?? Infinity));
  for (const rule of byPriority) {
    if (rule.tagStatus !== "tagged" || !rule.tagFilter || rule.tagFilter.values.length === 0) continue;
    const key = `${rule.tagFilter.key}\u0000${[...new Set(rule.tagFilter.values)].sort().join("\u0000")}`;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, rule);
      continue;
    }
    report(
      ["rules", rule.index, "selection", rule.tagFilter.key],
      `rules[${earlier.index}] already selects ${storageClass} images with this same ${rule.tagFilter.key}; a rule ` +
        "cannot act on images a higher-priority rule identifies, so this one would never act: merge the rules or " +
        "change the filter",
    );
  }
}
