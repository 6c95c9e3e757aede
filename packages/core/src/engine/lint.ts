import { LineIndex } from "../document/position.js";
import { type IncludedFile, includedFileOf } from "../document/included.js";
import { inSourceTerms } from "./attribute-names.js";
import { pathOf, type Node } from "../document/node.js";
import type { LoadedDocument, LoadResult } from "../loaders/load.js";
import type { Resource, ResourceKind, Service, TargetGroup, TaskDefinition } from "../model/resources.js";
import { formatMessage, type Rule, type RuleChecks, type RuleContext, type Severity } from "../rules/define.js";
import { DUPLICATE_KEY, PARSE_ERROR, sortFindings, type Finding } from "./finding.js";

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

/**
 * Runs the rules over loaded files. Services are first linked to their task definitions: by
 * logical id inside a template, or by family across every file of the run.
 */
export function lint(results: readonly LoadResult[], rules: readonly Rule[], severities: RuleSeverities): Finding[] {
  const documents = results.flatMap((result) => (result.status === "loaded" ? [result.document] : []));
  linkServices(documents);
  const findings: Finding[] = results.flatMap((result) => (result.status === "invalid" ? [parseErrorFinding(result)] : []));
  const checks = checksByKind(rules, severities);
  for (const document of documents) {
    readerProblemFindings(document, findings);
    lintDocument(document, checks, findings);
  }
  return sortFindings(findings);
}

/** A rule's check for one kind of resource, with the severity it reports at. */
interface ActiveCheck {
  rule: Rule;
  severity: Severity;
  check: (resource: Resource, context: RuleContext) => void;
}

/** The active rules' checks for each kind of resource, in rule order. */
function checksByKind(rules: readonly Rule[], severities: RuleSeverities): Map<ResourceKind, ActiveCheck[]> {
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

/** Runs the checks over one document's resources, adding what they report to `findings`. */
function lintDocument(document: LoadedDocument, checks: ReadonlyMap<ResourceKind, ActiveCheck[]>, findings: Finding[]): void {
  let lines: LineIndex | undefined;
  for (const resource of document.resources) {
    for (const { rule, severity, check } of checks.get(resource.kind)!) {
      if (resource.suppressed.has(rule.id)) continue;
      check(resource, {
        report(node: Node, messageId: string, data?: Record<string, string | number>) {
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
      });
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

function linkServices(documents: readonly LoadedDocument[]): void {
  const byFamily = new Map<string, TaskDefinition>();
  for (const document of documents)
    for (const resource of document.resources)
      if (resource.kind === "task-definition" && resource.format !== "cloudformation") {
        const family = resource.props.str("family");
        if (family) byFamily.set(family, resource);
      }
  for (const document of documents) {
    const byLogicalId = new Map<string, TaskDefinition>();
    for (const resource of document.resources) if (resource.kind === "task-definition") byLogicalId.set(resource.name, resource);
    for (const resource of document.resources) if (resource.kind === "service") link(resource, byLogicalId, byFamily);
    linkTargetGroups(document);
  }
}

/** A service's target groups in its own document, by logical id / Terraform address or by literal ARN. */
function linkTargetGroups(document: LoadedDocument): void {
  const byName = new Map<string, TargetGroup>();
  const byArn = new Map<string, TargetGroup>();
  for (const resource of document.resources)
    if (resource.kind === "target-group") {
      byName.set(resource.name, resource);
      const arn = resource.props.str("arn");
      if (arn) byArn.set(arn, resource);
    }
  if (byName.size === 0) return;
  for (const resource of document.resources) {
    if (resource.kind !== "service") continue;
    for (const target of resource.loadBalancerTargets) {
      const arn = target.targetGroupArn.kind === "scalar" ? target.targetGroupArn.value : undefined;
      const found =
        (target.targetGroupName !== undefined ? byName.get(target.targetGroupName) : undefined) ??
        (typeof arn === "string" ? byArn.get(arn) : undefined);
      if (found) target.targetGroup = found;
    }
  }
}

function link(service: Service, byLogicalId: Map<string, TaskDefinition>, byFamily: Map<string, TaskDefinition>): void {
  const reference = service.taskDefinitionReference;
  if (!reference) return;
  const target =
    (reference.logicalId !== undefined ? byLogicalId.get(reference.logicalId) : undefined) ??
    (reference.family !== undefined ? byFamily.get(reference.family) : undefined);
  if (target) service.taskDefinition = target;
}

function parseErrorFinding(result: Extract<LoadResult, { status: "invalid" }>): Finding {
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
