// shipshape side by side with cfn-lint and checkov: the same files, in the same run, the tools
// alternating, several runs each. Prints the speed table (median wall time, median peak memory,
// shipshape's speed-up against each peer), the planted mission mistakes each tool finds, and the
// agreement table of bench/agreement.mjs. Medians and ratios only: nothing is asserted.
//   node bench/compare.mjs [--quick] [--skip-speed] [--skip-agreement]
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { stringify as toYaml } from "yaml";
import { evaluateAgreement, formatAgreement, lintFixtures, overlappingChecks } from "./agreement.mjs";
import { missionRules, missionTemplate } from "./corpus.mjs";
import { ensureGnuTime, formatKb, formatMs, formatRatio, markdownTable, median, timedRun } from "./measure.mjs";
import { buildLinter, ensurePeers, parseFindings, peerEnv, repoRoot, toolCommands, toolVersion } from "./peers.mjs";

const outDir = `${repoRoot}bench/.out/compare`;

/** Generated template sizes, in task definitions (each with its service). */
const templateSizes = [1, 10, 100, 1000];

/**
 * Runs per tool and corpus. A tool stops early on a corpus once it has two runs and another would
 * take it past `budgetMs` there (cfn-lint takes most of a minute on 1,000 task definitions).
 */
const runPlan = { full: { small: 5, large: 3, budgetMs: 75_000 }, quick: { small: 1, large: 1, budgetMs: 0 } };

// ---- the corpus -------------------------------------------------------------------------------

/** Writes bench/.out/compare: a copy of examples/ and the generated templates. Returns the corpora. */
export function buildCorpus() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(`${repoRoot}examples`, `${outDir}/examples`, { recursive: true });
  const exampleFiles = listFiles(`${outDir}/examples`).filter((file) => /\.(json|ya?ml)$/.test(file));
  const corpora = [
    {
      name: "examples/",
      label: `examples/ (${exampleFiles.length} files)`,
      files: exampleFiles,
      planted: undefined,
      size: 0,
    },
  ];
  for (const count of templateSizes) {
    const { template, planted } = missionTemplate(count);
    const file = `${outDir}/tasks-${count}.yaml`;
    writeFileSync(file, toYaml(template));
    corpora.push({
      name: `${count}`,
      label: `${count.toLocaleString("en")} task def${count === 1 ? "" : "s"} + services`,
      files: [file],
      planted,
      size: count,
    });
  }
  for (const corpus of corpora) corpus.bytes = corpus.files.reduce((sum, file) => sum + statSync(file).size, 0);
  return corpora;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

// ---- timing -----------------------------------------------------------------------------------

/** One timed run of `tool` over `files`; findings are read to check the output is what we expect. */
function runTool(tool, files) {
  const [command, args] = toolCommands[tool](files);
  const run = timedRun(command, args, { env: peerEnv(), cwd: outDir });
  let findings;
  try {
    findings = parseFindings(tool, run.stdout);
  } catch {
    const why = `${run.stderr}`.trim().split("\n").slice(-3).join(" / ");
    throw new Error(`${tool} did not print JSON on ${files.length} file(s) (exit ${run.status}): ${why}`);
  }
  return { wallMs: run.wallMs, peakKb: run.peakKb, findings };
}

/** Round-robin over the tools, the starting tool rotating each round, until each has its runs. */
function measureCorpus(corpus, tools, plan) {
  const wanted = corpus.size >= 100 ? plan.large : plan.small;
  const samples = Object.fromEntries(tools.map((tool) => [tool, { wallMs: [], peakKb: [], findings: [] }]));
  const needsMore = (tool) => {
    const { wallMs } = samples[tool];
    if (wallMs.length >= wanted) return false;
    if (wallMs.length < 2 || tool === "shipshape") return true;
    const spent = wallMs.reduce((a, b) => a + b, 0);
    return spent + median(wallMs) <= plan.budgetMs;
  };
  for (let round = 0; tools.some(needsMore); round++) {
    const order = tools.map((_, i) => tools[(i + round) % tools.length]);
    for (const tool of order.filter(needsMore)) {
      const run = runTool(tool, corpus.files);
      samples[tool].wallMs.push(run.wallMs);
      samples[tool].peakKb.push(run.peakKb);
      samples[tool].findings = run.findings;
    }
  }
  return Object.fromEntries(
    tools.map((tool) => {
      const { wallMs, peakKb, findings } = samples[tool];
      return [
        tool,
        {
          runs: wallMs.length,
          medianMs: median(wallMs),
          peakKb: median(peakKb.filter((kb) => kb !== undefined)),
          findings,
        },
      ];
    }),
  );
}

/** Warms the file cache and the tools' imports once, untimed, so the first timed run is not the outlier. */
function warmUp(tools, corpus) {
  for (const tool of tools) runTool(tool, corpus.files);
}

// ---- the planted mission mistakes ---------------------------------------------------------------

/** Which ids of each tool stand for each mission rule (only cfn-lint's E3048 has one of them). */
function missionMatchers(tool, rule) {
  if (tool === "shipshape") return [{ id: rule }];
  return overlappingChecks.find((check) => check.rule === rule)?.[tool] ?? [];
}

function plantedFound(corpus, tool, findings) {
  return Object.fromEntries(
    missionRules.map((rule) => {
      const matchers = missionMatchers(tool, rule);
      const flagged = new Set(
        findings
          .filter((f) => matchers.some((m) => f.id === m.id && (!m.about || m.about.test(f.detail))))
          .map((f) => f.resource),
      );
      return [rule, matchers.length === 0 ? undefined : corpus.planted[rule].filter((id) => flagged.has(id)).length];
    }),
  );
}

// ---- tables -------------------------------------------------------------------------------------

function speedTable(corpora, results, tools) {
  const rows = [];
  for (const corpus of corpora) {
    const base = results[corpus.name].shipshape.medianMs;
    for (const tool of tools) {
      const r = results[corpus.name][tool];
      const speedUp = tool === "shipshape" ? "—" : formatRatio(r.medianMs / base);
      rows.push([
        corpus.label,
        `${(corpus.bytes / 1024).toFixed(0)} kB`,
        tool,
        String(r.runs),
        formatMs(r.medianMs),
        formatKb(r.peakKb),
        String(r.findings.length),
        speedUp,
      ]);
    }
  }
  return markdownTable(
    ["corpus", "size", "tool", "runs", "median wall time", "median peak RSS", "findings", "shipshape speed-up"],
    rows,
    ["l", "r", "l", "r", "r", "r", "r", "r"],
  );
}

function plantedTable(corpora, results, tools) {
  const generated = corpora.filter((corpus) => corpus.planted);
  const rows = missionRules.map((rule) => {
    const planted = generated.reduce((sum, corpus) => sum + corpus.planted[rule].length, 0);
    const cells = tools.map((tool) => {
      const counts = generated.map((corpus) => plantedFound(corpus, tool, results[corpus.name][tool].findings)[rule]);
      return counts[0] === undefined ? "no such check" : String(counts.reduce((a, b) => a + b, 0));
    });
    return [`\`${rule}\``, String(planted), ...cells];
  });
  return markdownTable(["mission rule", "planted", ...tools], rows, ["l", "r", ...tools.map(() => "r")]);
}

// ---- entry points ------------------------------------------------------------------------------

export function availableTools(peers) {
  return ["shipshape", ...Object.keys(peers.available).filter((name) => peers.available[name])];
}

export function runSpeedComparison({ quick = false, peers }) {
  ensureGnuTime();
  const tools = availableTools(peers);
  const plan = quick ? runPlan.quick : runPlan.full;
  const corpora = buildCorpus();
  console.log(
    `bench: comparing ${tools.map((tool) => `${tool} ${toolVersion(tool)}`).join(", ")} on ${corpora.map((c) => c.name).join(", ")} (corpus in ${relative(repoRoot, outDir)}/)`,
  );
  warmUp(tools, corpora[1]);
  const results = {};
  for (const corpus of corpora) {
    const started = Date.now();
    results[corpus.name] = measureCorpus(corpus, tools, plan);
    console.log(`bench:   ${corpus.label}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(
    `\n### The same files, in the same run — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, node ${process.version}\n`,
  );
  console.log(speedTable(corpora, results, tools));
  console.log(
    "\nWall time is the whole process (start-up included), median of the runs; peak RSS is GNU time's maximum resident set size, median of the runs. Speed-up = the peer's median / shipshape's median on the same corpus. Findings count what each tool reports (their rules differ).",
  );
  console.log(
    "\nPlanted mission mistakes found, over the four generated templates (each tool's ids for the rule; see the agreement table):\n",
  );
  console.log(plantedTable(corpora, results, tools));
  return results;
}

export function runAgreement({ peers }) {
  const tools = availableTools(peers);
  const findingsByTool = lintFixtures(tools);
  const results = evaluateAgreement(findingsByTool);
  mkdirSync(`${repoRoot}bench/.out`, { recursive: true });
  writeFileSync(`${repoRoot}bench/.out/agreement-findings.json`, `${JSON.stringify(findingsByTool, null, 2)}\n`);
  console.log(
    `### Resources flagged per check (fixtures in bench/corpus/; raw findings in bench/.out/agreement-findings.json)\n`,
  );
  console.log(formatAgreement(results));
  return results;
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      "skip-speed": { type: "boolean", default: false },
      "skip-agreement": { type: "boolean", default: false },
    },
  });
  buildLinter();
  const peers = ensurePeers();
  if (!values["skip-speed"]) runSpeedComparison({ quick: values.quick, peers });
  if (!values["skip-agreement"]) runAgreement({ peers });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
