// The peer-fixture comparison: the peers' own test cases (cfn-lint's ECS rule tests, KICS's
// positive and negative query tests, trivy-checks' good and bad examples), kept offline in
// test/corpus/peers/<peer>/ with a cases.json each, linted by shipshape. A case is compared for
// each shipshape rule whose `peers` field names the case's peer id: the peer says positive or
// negative, shipshape says positive when it reports that rule anywhere in the file.
// A difference the rules' pages explain is listed in test/corpus/peers/documented-differences.json.
//   node bench/agreement-fixtures.mjs [--json] [--cli path/to/shipshape.js]
// (--cli: another build of the CLI, e.g. a branch's, run on this repository's cases and mapping)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { allRules } from "@shipshape/core";
import { markdownTable } from "./measure.mjs";
import { repoRoot, shipshapeCli } from "./peers.mjs";

export const peerCorpus = "test/corpus/peers";

/** Each peer: its folder under peerCorpus and the key of its ids in a rule's `peers` field. */
export const peerSources = [
  { peer: "cfn-lint", dir: "cfn-lint", key: "cfnLint" },
  { peer: "KICS", dir: "kics", key: "kics" },
  { peer: "trivy", dir: "trivy", key: "trivy" },
];

/**
 * Peer ids that cover several of our rules at once, narrowed per rule to the expected errors
 * whose path or message names what the rule checks. cfn-lint's E3048 ("ECS Fargate tasks have
 * required properties and values") covers network mode, cpu/memory, placement constraints and log
 * drivers; a case is positive for one of our rules when one of its errors is about that rule.
 */
export const narrowedIds = {
  "cfn-lint": {
    E3048: {
      "fargate-requires-awsvpc": /NetworkMode/,
      "fargate-cpu-memory": /\b(Cpu|Memory)\b/,
      "fargate-placement-constraints": /PlacementConstraints/,
      "log-configuration": /LogConfiguration|LogDriver/,
    },
  },
};

/**
 * Peer ids that check only part of one of our rules: shipshape's verdict counts only the findings
 * with these message ids. log-configuration also reports a container with no log configuration,
 * which cfn-lint's log driver and awslogs option checks do not look at.
 */
export const narrowedMessages = {
  "cfn-lint": {
    E3046: { "log-configuration": ["missingOption", "unknownOption"] },
    E3048: { "log-configuration": ["unsupportedDriver"] },
    E3713: { "log-configuration": ["unsupportedDriver"] },
  },
};

/** "E3047, E3048" or "CKV_AWS_332 (Terraform)" → the ids, without the notes in parentheses. */
export function splitPeerIds(field) {
  return field
    .split(",")
    .map((id) => id.replace(/\(.*?\)/g, "").trim())
    .filter(Boolean);
}

/** peer → peer id → our rule ids, read from every rule's `peers` field. */
export function peerRuleMap(rules = allRules) {
  const map = new Map(peerSources.map(({ peer }) => [peer, new Map()]));
  for (const rule of rules) {
    for (const { peer, key } of peerSources) {
      const field = rule.peers?.[key];
      if (!field) continue;
      for (const id of splitPeerIds(field)) {
        const ids = map.get(peer);
        ids.set(id, [...(ids.get(id) ?? []), rule.id]);
      }
    }
  }
  return map;
}

/** Every stored case of every peer: { peer, peerId, file (relative to the repository), expected, errors? }. */
export function loadCases() {
  return peerSources.flatMap(({ peer, dir }) =>
    JSON.parse(readFileSync(`${repoRoot}${peerCorpus}/${dir}/cases.json`, "utf8")).map((entry) => ({
      ...entry,
      peer,
      file: `${peerCorpus}/${dir}/${entry.file}`,
    })),
  );
}

/** The verdict the peer gives a case for one of our rules (narrowed when the peer id covers several). */
function expectedFor(item, rule) {
  const narrowing = narrowedIds[item.peer]?.[item.peerId]?.[rule];
  if (!narrowing || item.expected === "negative") return item.expected;
  const about = (error) => narrowing.test(`${error.path.join(".")} ${error.message}`);
  return (item.errors ?? []).some(about) ? "positive" : "negative";
}

/** One comparison per (case, mapped rule); cases whose peer id maps to no rule are returned apart. */
export function comparisonsOf(cases, ruleMap = peerRuleMap()) {
  const comparisons = [];
  const unmapped = [];
  for (const item of cases) {
    const rules = ruleMap.get(item.peer)?.get(item.peerId) ?? [];
    if (rules.length === 0) unmapped.push(item);
    for (const rule of rules)
      comparisons.push({
        peer: item.peer,
        peerId: item.peerId,
        file: item.file,
        rule,
        messageIds: narrowedMessages[item.peer]?.[item.peerId]?.[rule],
        expected: expectedFor(item, rule),
      });
  }
  return { comparisons, unmapped };
}

/** Lints the files in one CLI run: each file's findings as "rule" and "rule/messageId", and the files skipped. */
export function lintWithShipshape(files, cli = shipshapeCli) {
  const result = spawnSync(
    process.execPath,
    [cli, "lint", ...files, "--format", "json", "--preset", "strict", "--fail-on", "never"],
    { cwd: repoRoot, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`shipshape lint exited ${result.status}: ${result.stderr.trim()}`);
  const report = JSON.parse(result.stdout);
  const rulesByFile = new Map();
  for (const finding of report.findings) {
    if (!rulesByFile.has(finding.file)) rulesByFile.set(finding.file, new Set());
    rulesByFile.get(finding.file).add(finding.ruleId).add(`${finding.ruleId}/${finding.messageId}`);
  }
  const skipped = new Map((report.skipped ?? []).map((entry) => [entry.file, entry.reason]));
  return { rulesByFile, skipped };
}

/** test/corpus/peers/documented-differences.json: { peer, file, rule, page, reason }[]. */
export function loadDocumentedDifferences() {
  return JSON.parse(readFileSync(`${repoRoot}${peerCorpus}/documented-differences.json`, "utf8"));
}

const differenceKey = ({ peer, file, rule }) => `${peer}\u0000${file}\u0000${rule}`;

/**
 * Every comparison with shipshape's verdict and its outcome: "agree", "documented" (listed in the
 * documented differences) or "disagree"; a file the CLI skips is "skipped (reason)", a disagreement.
 */
export function evaluatePeerFixtures({ cli } = {}) {
  const { comparisons, unmapped } = comparisonsOf(loadCases());
  const { rulesByFile, skipped } = lintWithShipshape([...new Set(comparisons.map((c) => c.file))], cli);
  const documented = new Map(loadDocumentedDifferences().map((entry) => [differenceKey(entry), entry]));
  const results = comparisons.map((comparison) => {
    const skipReason = skipped.get(comparison.file);
    const found = rulesByFile.get(comparison.file) ?? new Set();
    const keys = comparison.messageIds?.map((id) => `${comparison.rule}/${id}`) ?? [comparison.rule];
    const ours =
      skipReason !== undefined
        ? `skipped (${skipReason})`
        : keys.some((key) => found.has(key))
          ? "positive"
          : "negative";
    const outcome =
      ours === comparison.expected ? "agree" : documented.has(differenceKey(comparison)) ? "documented" : "disagree";
    return { ...comparison, ours, outcome, difference: documented.get(differenceKey(comparison)) };
  });
  return { results, unmapped };
}

/** Per peer: cases compared, agree, documented, disagree. */
export function tally(results) {
  const rows = new Map();
  for (const { peer, outcome } of results) {
    const row = rows.get(peer) ?? { peer, cases: 0, agree: 0, documented: 0, disagree: 0 };
    row.cases += 1;
    row[outcome] += 1;
    rows.set(peer, row);
  }
  return [...rows.values()];
}

export function formatPeerFixtures({ results, unmapped }) {
  const rows = tally(results).map((row) =>
    [row.peer, row.cases, row.agree, row.documented, row.disagree].map(String),
  );
  const lines = [
    markdownTable(["peer", "cases", "agree", "documented", "disagree"], rows, ["l", "r", "r", "r", "r"]),
    "",
  ];
  const listed = (outcome) => results.filter((result) => result.outcome === outcome);
  const describe = (r) => `- ${r.peer} ${r.peerId} → \`${r.rule}\`: ${r.file}, expected ${r.expected}, ours ${r.ours}`;
  const disagreements = listed("disagree");
  lines.push(
    disagreements.length === 0
      ? "No undocumented disagreement."
      : ["Disagreements:", ...disagreements.map(describe)].join("\n"),
  );
  const documented = listed("documented");
  if (documented.length > 0)
    lines.push("", "Documented differences:", ...documented.map((r) => `${describe(r)} (${r.difference.page})`));
  if (unmapped.length > 0)
    lines.push(
      "",
      `${unmapped.length} stored cases name a peer id no rule lists: ${[...new Set(unmapped.map((c) => `${c.peer} ${c.peerId}`))].join(", ")}`,
    );
  return lines.join("\n");
}

export function runPeerFixtures(options) {
  const evaluation = evaluatePeerFixtures(options);
  console.log(formatPeerFixtures(evaluation));
  return evaluation;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { json: { type: "boolean" }, cli: { type: "string" } } });
  if (values.json) console.log(JSON.stringify(evaluatePeerFixtures({ cli: values.cli }).results, null, 2));
  else runPeerFixtures({ cli: values.cli });
}
