// The findings of one document: its parse error or reader problems, and what the active rules
// report on its resources. Nothing here looks at other documents.
import { LineIndex } from "../document/position.js";
import { type IncludedFile, includedFileOf } from "../document/included.js";
import { pathOf, type Node } from "../document/node.js";
import type { LoadedDocument, LoadResult } from "../loaders/load.js";
import type { Resource, ResourceKind } from "../model/resources.js";
import { formatMessage, type Rule, type RuleChecks, type RuleContext, type Severity } from "../rules/define.js";
import { inSourceTerms } from "./attribute-names.js";
import { DUPLICATE_KEY, PARSE_ERROR, type Finding } from "./finding.js";

/** The rules to run and the severity each reports at; rules not in the map are off. */
export type RuleSeverities = ReadonlyMap<string, Severity>;

const checkNames: Record<Resource["kind"], keyof RuleChecks> = {
  "task-definition": "taskDefinition",
  service: "service",
  cluster: "cluster",
  "ecr-repository": "ecrRepository",
  "lifecycle-policy": "lifecyclePolicy",
  "repository-policy": "repositoryPolicy",
  "target-group": "targetGroup",
  "classic-load-balancer": "classicLoadBalancer",
  "scalable-target": "scalableTarget",
  "scaling-policy": "scalingPolicy",
};

/** A rule's check for one kind of resource, with the severity it reports at. */
interface ActiveCheck {
  rule: Rule;
  severity: Severity;
  check: (resource: Resource, context: RuleContext) => void;
}

export type ChecksByKind = ReadonlyMap<ResourceKind, ActiveCheck[]>;

/** The active rules' checks for each kind of resource, in rule order. */
export function checksByKind(rules: readonly Rule[], severities: RuleSeverities): ChecksByKind {
  const checks = new Map<ResourceKind, ActiveCheck[]>();
  for (const [kind, checkName] of Object.entries(checkNames) as [ResourceKind, keyof RuleChecks][]) {
    const forKind: ActiveCheck[] = [];
    for (const rule of rules) {
      const check = rule.check[checkName] as ActiveCheck["check"] | undefined;
      const severity = severities.get(rule.id);
      if (check && severity) forKind.push({ rule, severity, check });
    }
    checks.set(kind, forKind);
  }
  return checks;
}

/** The reader's problems, then the rules' findings, of a document whose services are linked. */
export function documentFindings(document: LoadedDocument, checks: ChecksByKind): Finding[] {
  const findings: Finding[] = [];
  readerProblemFindings(document, findings);
  lintDocument(document, checks, findings);
  return findings;
}

/** Runs the checks over one document's resources, adding what they report to `findings`. */
function lintDocument(document: LoadedDocument, checks: ChecksByKind, findings: Finding[]): void {
  let lines: LineIndex | undefined;
  for (const resource of document.resources) {
    let current: ActiveCheck;
    // One context per resource: the check it serves is `current`.
    const context: RuleContext = {
      report(node: Node, messageId: string, data?: Record<string, string | number>) {
        const { rule, severity } = current;
        // A value read from another file (Terraform's file()) is reported where it is written.
        const included = resource.format === "terraform" ? includedFileOf(node) : undefined;
        lines ??= new LineIndex(document.text);
        const at = included ? includedLines(included) : lines;
        const start = at.position(node.start);
        const end = at.position(Math.max(node.start, node.end));
        const template = rule.messages[messageId] ?? messageId;
        findings.push({
          ruleId: rule.id,
          messageId,
          severity,
          message: inSourceTerms(formatMessage(template, data), resource.format),
          file: included?.file ?? document.file,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          path: pathOf(node),
          resource: resource.name,
        });
      },
    };
    for (const active of checks.get(resource.kind)!) {
      if (resource.suppressed.size > 0 && resource.suppressed.has(active.rule.id)) continue;
      current = active;
      active.check(resource, context);
    }
  }
}

/** A finding for each problem the reader found in a file that parsed, such as a key given twice. */
function readerProblemFindings(document: LoadedDocument, findings: Finding[]): void {
  if (document.problems.length === 0) return;
  const lines = new LineIndex(document.text);
  for (const problem of document.problems) {
    const start = lines.position(problem.offset);
    const end = lines.position(Math.max(problem.offset, problem.end));
    findings.push({
      ruleId: DUPLICATE_KEY,
      messageId: problem.kind,
      severity: "error",
      message: problem.message,
      file: document.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      path: "",
    });
  }
}

const includedLineIndexes = new WeakMap<IncludedFile, LineIndex>();

function includedLines(included: IncludedFile): LineIndex {
  let lines = includedLineIndexes.get(included);
  if (!lines) {
    lines = new LineIndex(included.text);
    includedLineIndexes.set(included, lines);
  }
  return lines;
}

export function parseErrorFinding(result: Extract<LoadResult, { status: "invalid" }>): Finding {
  const lines = new LineIndex(result.text);
  const at = lines.position(result.offset);
  return {
    ruleId: PARSE_ERROR,
    messageId: "syntax",
    severity: "error",
    message: `The file does not parse: ${result.message}`,
    file: result.file,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
    path: "",
  };
}
