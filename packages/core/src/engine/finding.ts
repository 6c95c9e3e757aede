import type { Severity } from "../rules/define.js";

export interface Finding {
  ruleId: string;
  /** Which of the rule's messages, for tests and tools that group findings. */
  messageId: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  endLine: number;
  endColumn: number;
  /** Where in the document, e.g. `Resources.Task.Properties.ContainerDefinitions[0].Environment[1]`. */
  path: string;
  /** The resource's name (family, service, logical id, Terraform address) when the finding is on one. */
  resource?: string;
}

/** The pseudo-rule of a file that does not parse. */
export const PARSE_ERROR = "parse-error";

/**
 * The pseudo-rule of a key given twice in one object: the file parses (the last value wins), but
 * CloudFormation and ECS refuse it. Always on, like PARSE_ERROR.
 */
export const DUPLICATE_KEY = "duplicate-key";

const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank[severity] >= severityRank[threshold];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** Sorts findings in place, in compareFindings order. */
export function sortFindings(findings: Finding[]): Finding[] {
  const byFile = localeOrder(findings.map((finding) => finding.file));
  const byRule = localeOrder(findings.map((finding) => finding.ruleId));
  return findings.sort(
    (a, b) => byFile(a.file, b.file) || a.line - b.line || a.column - b.column || byRule(a.ruleId, b.ruleId),
  );
}

/**
 * localeCompare over a few texts compared many times: each distinct text is ranked once, and only
 * once two texts differ, as loading the locale's collation costs milliseconds (a run over one
 * file with no two rules at one place never needs it).
 */
function localeOrder(texts: readonly string[]): (a: string, b: string) => number {
  const distinct = [...new Set(texts)];
  let ranks: Map<string, number> | undefined;
  return (a, b) => {
    if (a === b) return 0;
    ranks ??= localeRanks(distinct);
    return ranks.get(a)! - ranks.get(b)!;
  };
}

/** Each text's place in locale order; texts that compare equal share a place. */
function localeRanks(distinct: readonly string[]): Map<string, number> {
  const ordered = [...distinct].sort((a, b) => a.localeCompare(b));
  const ranks = new Map<string, number>();
  let rank = 0;
  ordered.forEach((text, index) => {
    if (index > 0 && ordered[index - 1]!.localeCompare(text) !== 0) rank++;
    ranks.set(text, rank);
  });
  return ranks;
}
