import type { LoadResult } from "../loaders/load.js";
import type { Rule } from "../rules/define.js";
import type { RuleSeverities } from "./document-findings.js";
import type { Finding } from "./finding.js";
import { LintSession } from "./lint-session.js";

export type { RuleSeverities } from "./document-findings.js";

/**
 * Runs the rules over loaded files. Services are first linked to their task definitions: by
 * logical id inside a template, or by family across every file of the run.
 */
export function lint(results: readonly LoadResult[], rules: readonly Rule[], severities: RuleSeverities): Finding[] {
  const session = new LintSession(rules, severities);
  for (const result of results) session.add(result);
  return session.finish().findings;
}
