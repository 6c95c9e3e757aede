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

const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank[severity] >= severityRank[threshold];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
