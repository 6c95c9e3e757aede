import type { Finding } from "@shipshape/core";
import { escapeCommandData as escapeData, escapeCommandProperty as escapeProperty } from "../text.js";
import type { Formatter } from "./types.js";

const commands = { error: "error", warning: "warning", info: "notice" } as const;

export function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    ...(finding.endLine === finding.line ? [`endColumn=${finding.endColumn}`] : []),
    `title=${escapeProperty(finding.ruleId)}`,
  ];
  return `::${commands[finding.severity]} ${properties.join(",")}::${escapeData(finding.message)}`;
}

/** Workflow commands: GitHub turns each line into an annotation on the file and line. */
export const github: Formatter = (report) => report.findings.map((finding) => `${annotation(finding)}\n`).join("");
