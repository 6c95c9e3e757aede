import type { Rule, Severity } from "@shipshape/core";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { Formatter } from "./types.js";

const levels: Record<Severity, Result.level> = { error: "error", warning: "warning", info: "note" };

// GitHub code scanning ranks security alerts by this property (0.1 - 10).
const securitySeverity: Record<Severity, string> = { error: "8.0", warning: "5.0", info: "2.0" };

/** SARIF 2.1.0, as GitHub code scanning reads it: rule metadata with help links, and one result a finding. */
export const sarif: Formatter = (report, { rules, toolVersion }) => {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.findings.map((finding): Result => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: levels[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(finding.file), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: Math.max(finding.endColumn, finding.endLine === finding.line ? finding.column + 1 : 1),
          },
        },
        ...(finding.resource ? { logicalLocations: [{ name: finding.resource, kind: "resource" }] } : {}),
      },
    ],
    partialFingerprints: { "shipshape/v1": `${finding.ruleId}:${toUri(finding.file)}:${finding.path}` },
  }));
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "shipshape",
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: "https://github.com/shipshape-dev/shipshape",
            rules: rules.map(describeRule),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function describeRule(rule: Rule): ReportingDescriptor {
  const peers = Object.entries(rule.peers ?? {}).map(([tool, id]) => `${tool}: ${id}`);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _dash, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    helpUri: rule.docsUrl,
    help: {
      text: `${rule.rationale}\nFix: ${rule.fix}`,
      markdown: `${rule.rationale}\n\n**Fix:** ${rule.fix}\n\n${rule.references.map((url) => `- ${url}`).join("\n")}`,
    },
    defaultConfiguration: { level: levels[rule.severity], enabled: rule.recommended },
    properties: { tags: ["ecs", "ecr", ...(rule.severity === "error" ? ["security"] : [])], precision: "very-high", "security-severity": securitySeverity[rule.severity], ...(peers.length ? { peers } : {}) },
  };
}

function toUri(file: string): string {
  return file.replace(/\\/g, "/").replace(/^\.\//, "").split("/").map(encodeURIComponent).join("/");
}
