import { allRules, findRule } from "@shipshape/core";
import { UsageError } from "@shipshape/project";
import type { Io } from "../io.js";

/** `shipshape rules`: the catalogue, one line a rule. */
export function rulesCommand(args: string[], io: Io): number {
  if (args.includes("--json")) {
    const catalogue = allRules.map(({ id, title, severity, recommended, docsUrl, peers }) => ({ id, title, severity, recommended, docsUrl, peers: peers ?? {} }));
    io.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...allRules.map((rule) => rule.id.length));
  const lines = allRules.map((rule) => {
    const severity = rule.recommended ? rule.severity : "off";
    return `${rule.id.padEnd(width)}  ${severity.padEnd(7)}  ${rule.title}`;
  });
  io.stdout.write(`${lines.join("\n")}\n\n${allRules.length} rules. \`shipshape explain RULE\` tells more.\n`);
  return 0;
}

/** `shipshape explain RULE`: what the rule checks, why, how to fix, and where it is documented. */
export function explainCommand(args: string[], io: Io): number {
  const id = args[0];
  if (!id) throw new UsageError("Usage: shipshape explain RULE (see `shipshape rules`)");
  const rule = findRule(id);
  if (!rule) throw new UsageError(`unknown rule "${id}": \`shipshape rules\` lists them`);
  const peers = Object.entries(rule.peers ?? {}).map(([tool, peerId]) => `${tool} ${peerId}`);
  const text = [
    `${rule.id}: ${rule.title}`,
    `Severity: ${rule.severity}${rule.recommended ? "" : " (off in the recommended preset)"}`,
    "",
    rule.description,
    "",
    `Why: ${rule.rationale}`,
    `Fix: ${rule.fix}`,
    "",
    ...rule.references.map((url) => `See: ${url}`),
    `Docs: ${rule.docsUrl}`,
    ...(peers.length ? [`Same check in: ${peers.join(", ")}`] : []),
  ];
  io.stdout.write(`${text.join("\n")}\n`);
  return 0;
}
