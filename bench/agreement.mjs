// The agreement table: for each check that shipshape shares with cfn-lint or checkov, run the three
// tools on a dedicated fixture (bench/corpus/<rule>.yaml, resources named Bad* break the check and
// Good* do not), count the resources each flags, and list the resources where they disagree.
// The peer ids were found by running the peers on these fixtures (see bench/DISAGREEMENTS.md); the
// table says whether each one was seen again in this run.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { basename } from "node:path";
import { parse as parseYaml } from "yaml";
import { markdownTable } from "./measure.mjs";
import { parseFindings, peerEnv, repoRoot, shipshapeCli, toolCommands } from "./peers.mjs";

export const fixtureDir = `${repoRoot}bench/corpus`;

/**
 * Each overlapping check: shipshape's rule, and each peer's ids. `about` narrows an id that a peer
 * uses for several things (cfn-lint's E3048 covers network mode, cpu/memory, log drivers and
 * placement constraints on Fargate) to the findings whose path or message mentions this check.
 * cfn-lint's E3713 (Fargate log drivers) fires only through a Fargate service that runs the task
 * definition, and reports at the task definition.
 */
export const overlappingChecks = [
  {
    check: "Fargate needs awsvpc",
    rule: "fargate-requires-awsvpc",
    "cfn-lint": [{ id: "E3048", about: /NetworkMode/ }],
    checkov: [],
  },
  {
    check: "Fargate cpu/memory",
    rule: "fargate-cpu-memory",
    "cfn-lint": [{ id: "E3047" }, { id: "E3048", about: /\b(Cpu|Memory)\b/ }],
    checkov: [],
  },
  { check: "host ports under awsvpc or host networking", rule: "awsvpc-host-port", "cfn-lint": [{ id: "E3053" }], checkov: [] },
  { check: "essential container", rule: "essential-container", "cfn-lint": [{ id: "E3042" }], checkov: [] },
  {
    check: "log configuration",
    rule: "log-configuration",
    "cfn-lint": [{ id: "E3046" }, { id: "E3048", about: /LogConfiguration|LogDriver/ }, { id: "E3713" }],
    checkov: [],
  },
  { check: "EFS transit encryption", rule: "efs-transit-encryption", "cfn-lint": [], checkov: [{ id: "CKV_AWS_97" }] },
  { check: "ECR scan on push", rule: "ecr-scan-on-push", "cfn-lint": [], checkov: [{ id: "CKV_AWS_163" }] },
  { check: "ECR tag immutability", rule: "ecr-tag-immutability", "cfn-lint": [], checkov: [{ id: "CKV_AWS_51" }] },
  { check: "Container Insights", rule: "cluster-container-insights", "cfn-lint": [], checkov: [{ id: "CKV_AWS_65" }] },
];

const peers = ["cfn-lint", "checkov"];
const fixtureOf = (check) => `${fixtureDir}/${check.rule}.yaml`;

/** Logical ids of a fixture's resources, and which of them the fixture means to break the check. */
function fixtureResources(file) {
  const template = parseYaml(readFileSync(file, "utf8"), { logLevel: "error" }); // !Ref and friends stay unresolved
  const ids = Object.keys(template.Resources ?? {});
  return { ids, bad: new Set(ids.filter((id) => id.startsWith("Bad"))) };
}

/** Runs every tool once over all fixtures; returns { tool: findings[] } for the tools available. */
export function lintFixtures(availableTools) {
  const files = readdirSync(fixtureDir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => `${fixtureDir}/${name}`);
  const findingsByTool = {};
  for (const tool of availableTools) {
    const [command, args] = toolCommands[tool](files);
    const result = spawnSync(command, args, { encoding: "utf8", env: peerEnv(), maxBuffer: 256 * 1024 * 1024 });
    findingsByTool[tool] = parseFindings(tool, result.stdout);
  }
  return findingsByTool;
}

/** The finding matchers of `tool` for `check`: shipshape's rule id, or the peer's ids. */
function matchersFor(check, tool) {
  return tool === "shipshape" ? [{ id: check.rule }] : check[tool];
}

const matches = (finding, matcher) =>
  finding.id === matcher.id && (!matcher.about || matcher.about.test(finding.detail));

/** Resources of the check's fixture that `tool` flags for this check. */
function flaggedBy(check, tool, findings) {
  const fixture = basename(fixtureOf(check));
  const matchers = matchersFor(check, tool);
  return new Set(
    findings
      .filter((finding) => finding.file && basename(finding.file) === fixture && finding.resource)
      .filter((finding) => matchers.some((matcher) => matches(finding, matcher)))
      .map((finding) => finding.resource),
  );
}

/** Which of the check's peer ids fired at least once on its fixture. */
function observedIds(check, tool, findings) {
  const fixture = basename(fixtureOf(check));
  return check[tool].map((matcher) => ({
    id: matcher.id,
    seen: findings.some((finding) => finding.file && basename(finding.file) === fixture && matches(finding, matcher)),
  }));
}

/** Rule ids the built CLI registers (`shipshape rules`), to tell a missing rule from a silent one. */
function registeredRules() {
  const result = spawnSync(process.execPath, [shipshapeCli, "rules"], { encoding: "utf8" });
  return new Set(
    result.stdout
      .split("\n")
      .map((line) => line.split(/\s+/)[0])
      .filter(Boolean),
  );
}

const difference = (a, b) => [...a].filter((item) => !b.has(item)).sort();

/**
 * Evaluates every check: counts, disagreements with each peer, and shipshape against the fixture's
 * Bad/Good names. `findingsByTool` holds the findings of the tools that ran.
 */
export function evaluateAgreement(findingsByTool) {
  const registered = registeredRules();
  return overlappingChecks.map((check) => {
    const { ids, bad } = fixtureResources(fixtureOf(check));
    const shipshape = flaggedBy(check, "shipshape", findingsByTool.shipshape ?? []);
    const perPeer = {};
    for (const peer of peers) {
      if (check[peer].length === 0 || !findingsByTool[peer]) continue;
      const flagged = flaggedBy(check, peer, findingsByTool[peer]);
      perPeer[peer] = {
        flagged,
        observed: observedIds(check, peer, findingsByTool[peer]),
        onlyShipshape: difference(shipshape, flagged),
        onlyPeer: difference(flagged, shipshape),
      };
    }
    return {
      check,
      registered: registered.has(check.rule),
      resources: ids.length,
      bad: bad.size,
      shipshape,
      perPeer,
      shipshapeMissed: difference(bad, shipshape),
      shipshapeExtra: difference(shipshape, bad),
    };
  });
}

function peerIdsCell(result, peer) {
  const { check } = result;
  if (check[peer].length === 0) return "—";
  const observed = result.perPeer[peer]?.observed;
  if (!observed) return `${check[peer].map((m) => m.id).join(", ")} (not run)`;
  return observed.map(({ id, seen }) => (seen ? id : `${id} (not seen)`)).join(", ");
}

function flaggedCell(result, peer) {
  if (result.check[peer].length === 0) return "no such check";
  const data = result.perPeer[peer];
  return data ? String(data.flagged.size) : "not run";
}

/** The agreement table and the list of disagreements, as markdown. */
export function formatAgreement(results) {
  const rows = results.map((result) => {
    const disagreements = Object.values(result.perPeer).reduce(
      (sum, p) => sum + p.onlyShipshape.length + p.onlyPeer.length,
      0,
    );
    return [
      result.check.check,
      `\`${result.check.rule}\`${result.registered ? "" : " (not registered in this build)"}`,
      peerIdsCell(result, "cfn-lint"),
      peerIdsCell(result, "checkov"),
      `${result.resources} (${result.bad} Bad)`,
      String(result.shipshape.size),
      flaggedCell(result, "cfn-lint"),
      flaggedCell(result, "checkov"),
      String(disagreements),
      String(result.shipshapeMissed.length + result.shipshapeExtra.length),
    ];
  });
  const table = markdownTable(
    [
      "check",
      "shipshape rule",
      "cfn-lint ids",
      "checkov ids",
      "resources",
      "shipshape flags",
      "cfn-lint flags",
      "checkov flags",
      "disagreements with peers",
      "shipshape vs Bad/Good names",
    ],
    rows,
    ["l", "l", "l", "l", "r", "r", "r", "r", "r", "r"],
  );
  return `${table}\n\n${formatDisagreements(results)}`;
}

function formatDisagreements(results) {
  const lines = [];
  for (const result of results) {
    const items = [];
    for (const [peer, data] of Object.entries(result.perPeer)) {
      for (const id of data.onlyShipshape) items.push(`- \`${id}\`: flagged by shipshape, not by ${peer}`);
      for (const id of data.onlyPeer) items.push(`- \`${id}\`: flagged by ${peer}, not by shipshape`);
    }
    for (const id of result.shipshapeMissed)
      items.push(`- \`${id}\`: named Bad in the fixture, not flagged by shipshape`);
    for (const id of result.shipshapeExtra) items.push(`- \`${id}\`: named Good in the fixture, flagged by shipshape`);
    if (items.length > 0)
      lines.push(`**${result.check.check}** (\`bench/corpus/${result.check.rule}.yaml\`)`, ...items, "");
  }
  if (lines.length === 0) return "No disagreements: every tool that has a check flags the same resources as shipshape.";
  return ["Disagreements (resource: who flagged it). Each is analysed in bench/DISAGREEMENTS.md.", "", ...lines]
    .join("\n")
    .trimEnd();
}
