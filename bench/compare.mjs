// shipshape side by side with cfn-lint and checkov: the same files, in the same run, the tools
// alternating, several runs each, on realistic corpora (bench/realistic-corpus.mjs) and a synthetic
// stress template, with the floor (read + parse, no rules) beside each. Prints the ratios first,
// then the speed table (median wall time, median peak memory), the planted mission mistakes each
// tool finds, a cfn-lint check that the generated stacks are deployable, and the agreement table
// of bench/agreement.mjs. Medians and ratios only: nothing is asserted.
//   node bench/compare.mjs [--quick] [--skip-speed] [--skip-agreement]
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { basename, relative } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { stringify as toYaml } from "yaml";
import { evaluateAgreement, formatAgreement, lintFixtures, overlappingChecks } from "./agreement.mjs";
import { missionRules, missionTemplate } from "./corpus.mjs";
import { writeRealisticCorpus } from "./realistic-corpus.mjs";
import { ensureGnuTime, formatKb, formatMs, formatRatio, markdownTable, median, timedRun } from "./measure.mjs";
import { buildLinter, ensurePeers, parseFindings, peerEnv, repoRoot, toolCommands, toolVersion } from "./peers.mjs";

const outDir = `${repoRoot}bench/.out/compare`;

/**
 * Runs per tool and corpus. A tool stops early on a corpus once it has two runs and another would
 * take it past `budgetMs` there.
 */
const runPlan = { full: { runs: 3, budgetMs: 200_000 }, quick: { runs: 1, budgetMs: 0 } };
/** The corpora's sizes; quick mode writes fewer files (the ratios then mean little). */
const corpusSizes = {
  full: { stackCount: 500, taskDefinitionCount: 500, terraformCount: 200, stress: 1000 },
  quick: { stackCount: 50, taskDefinitionCount: 100, terraformCount: 20, stress: 100 },
};

// ---- the corpus -------------------------------------------------------------------------------

/**
 * Writes bench/.out/compare: the realistic corpora (bench/realistic-corpus.mjs) and the synthetic
 * stress template. Returns the corpora: { name, label, files, tools, planted?, note? }.
 */
export function buildCorpus({ quick = false, tools }) {
  const sizes = quick ? corpusSizes.quick : corpusSizes.full;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written = writeRealisticCorpus(`${outDir}/realistic`, sizes);
  const peers = tools.filter((tool) => tool !== "shipshape");
  const plantedStacks = written.stacks.filter((stack) => stack.mistake);
  const resources = written.stacks.reduce((sum, stack) => sum + stack.resources, 0);
  const corpora = [
    {
      name: "stacks",
      label: `${written.stacks.length} templates`,
      detail: `${written.stacks.length} CloudFormation stacks in YAML, ${resources.toLocaleString("en")} resources (at most ${Math.max(...written.stacks.map((stack) => stack.resources))} a template)`,
      files: written.stacks.map((stack) => stack.file),
      tools: [...tools, "floor"],
      // cfn-lint spends ~110 s of CPU on one pass over these: once, unless --peer-runs asks more
      peerRuns: 1,
      planted: plantedStacks,
    },
    {
      name: "taskdefs",
      label: `${written.taskdefs.length} task definitions`,
      detail: `${written.taskdefs.length} RegisterTaskDefinition JSON files`,
      files: written.taskdefs,
      tools: [...tools, "floor"],
      peerRuns: 1,
      note: "the peers do not read RegisterTaskDefinition files (one run each here): cfn-lint reports each as a template without Resources (E1001), checkov finds no CloudFormation; their time is what opening and refusing them costs",
    },
  ];
  corpora.push({
    name: "terraform",
    label: `${written.terraform.length} .tf files`,
    detail: `a Terraform directory of ${written.terraform.length} .tf files (task definitions with jsonencode(), services, log groups)`,
    files: written.terraform,
    tools: [...tools.filter((tool) => tool !== "cfn-lint"), "floor"],
    framework: "terraform",
  });
  const { template } = missionTemplate(sizes.stress);
  const stress = `${outDir}/stress-${sizes.stress}-tasks.yaml`;
  writeFileSync(stress, toYaml(template));
  const stressResources = sizes.stress * 2;
  corpora.push({
    name: "stress",
    label: `synthetic stress: 1 template of ${stressResources.toLocaleString("en")} resources`,
    detail: `${sizes.stress} task definitions and their services in one template${stressResources > 500 ? ": more than CloudFormation's 500 resources (cfn-lint E3010), so no stack has it" : ""}; shipshape and the floor only`,
    files: [stress],
    tools: ["shipshape", "floor"],
  });
  for (const corpus of corpora) corpus.bytes = (corpus.files ?? []).reduce((sum, file) => sum + statSync(file).size, 0);
  return { corpora, peers };
}

// ---- timing -----------------------------------------------------------------------------------

/** One timed run of `tool` over `files`; findings are read to check the output is what we expect. */
function runTool(tool, files, framework) {
  const [command, args] =
    tool === "floor" ? [process.execPath, [`${repoRoot}bench/floor.mjs`, ...files]] : toolCommands[tool](files);
  if (framework && tool === "checkov") args[args.indexOf("cloudformation")] = framework;
  if (tool === "floor") {
    const run = timedRun(command, args, { cwd: outDir });
    if (run.status !== 0)
      throw new Error(`the floor failed on ${files.length} file(s): ${run.stderr.trim().split("\n").at(-1)}`);
    return { wallMs: run.wallMs, peakKb: run.peakKb, cpuMs: run.cpuMs, findings: [] };
  }
  const run = timedRun(command, args, { env: peerEnv(), cwd: outDir });
  let findings;
  try {
    findings = parseFindings(tool, run.stdout);
  } catch {
    const why = `${run.stderr}`.trim().split("\n").slice(-3).join(" / ");
    throw new Error(`${tool} did not print JSON on ${files.length} file(s) (exit ${run.status}): ${why}`);
  }
  return { wallMs: run.wallMs, peakKb: run.peakKb, cpuMs: run.cpuMs, findings };
}

/** Round-robin over the tools, the starting tool rotating each round, until each has its runs. */
function measureCorpus(corpus, plan) {
  const tools = corpus.tools;
  const wanted = plan.runs;
  const samples = Object.fromEntries(tools.map((tool) => [tool, { wallMs: [], peakKb: [], cpuMs: [], findings: [] }]));
  const needsMore = (tool) => {
    const { wallMs } = samples[tool];
    if (
      wallMs.length >=
      (tool === "shipshape" || tool === "floor" ? wanted : Math.min(wanted, plan.peerRuns ?? corpus.peerRuns ?? wanted))
    )
      return false;
    if (tool === "shipshape" || tool === "floor" || wallMs.length < 2) return true;
    const spent = wallMs.reduce((a, b) => a + b, 0);
    return spent + median(wallMs) <= plan.budgetMs;
  };
  for (let round = 0; tools.some(needsMore); round++) {
    const order = tools.map((_, i) => tools[(i + round) % tools.length]);
    for (const tool of order.filter(needsMore)) {
      const run = runTool(tool, corpus.files, corpus.framework);
      samples[tool].wallMs.push(run.wallMs);
      samples[tool].peakKb.push(run.peakKb);
      samples[tool].cpuMs.push(run.cpuMs);
      samples[tool].findings = run.findings;
    }
  }
  return Object.fromEntries(
    tools.map((tool) => {
      const { wallMs, peakKb, cpuMs, findings } = samples[tool];
      return [
        tool,
        {
          runs: wallMs.length,
          medianMs: median(wallMs),
          peakKb: median(peakKb.filter((kb) => kb !== undefined)),
          cpuMs: median(cpuMs.filter((ms) => ms !== undefined)),
          findings,
        },
      ];
    }),
  );
}

/** Warms the file cache and the tools' imports once, untimed, so the first timed run is not the outlier. */
function warmUp(tools, files) {
  for (const tool of tools) runTool(tool, files);
}

// ---- the planted mission mistakes ---------------------------------------------------------------

/** Which ids of each tool stand for each mission rule (only cfn-lint's E3048 has one of them). */
function missionMatchers(tool, rule) {
  if (tool === "shipshape") return [{ id: rule }];
  return overlappingChecks.find((check) => check.rule === rule)?.[tool] ?? [];
}

/** Per mission rule: how many planted stacks the tool flags on the planted resource. */
function plantedFound(corpus, tool, findings) {
  return Object.fromEntries(
    missionRules.map((rule) => {
      const matchers = missionMatchers(tool, rule);
      if (matchers.length === 0) return [rule, undefined];
      const flagged = new Set(
        findings
          .filter((f) => matchers.some((m) => f.id === m.id && (!m.about || m.about.test(f.detail))))
          .map((f) => `${basename(f.file ?? "")}#${f.resource}`),
      );
      const planted = corpus.planted.filter((stack) => stack.mistake === rule);
      const resource = rule === "no-classic-load-balancer" ? "ApiService" : "ApiTaskDefinition";
      return [rule, planted.filter((stack) => flagged.has(`${basename(stack.file)}#${resource}`)).length];
    }),
  );
}

// ---- tables -------------------------------------------------------------------------------------

/** `500 templates: 41x vs cfn-lint, 27x vs checkov (shipshape 0.9 s, cfn-lint 37 s, checkov 24 s; floor 0.3 s)` */
function ratioLine(corpus, result) {
  const base = result.shipshape.medianMs;
  const peers = corpus.tools.filter((tool) => tool !== "shipshape" && tool !== "floor");
  const ratios = peers.map((tool) => `${formatRatio(result[tool].medianMs / base)} vs ${tool}`);
  const times = corpus.tools.map((tool) => `${tool} ${formatSeconds(result[tool].medianMs)}`);
  const floor = result.floor ? `; shipshape is ${formatRatio(base / result.floor.medianMs)} the floor` : "";
  const cpuBase = result.shipshape.cpuMs;
  const cpu =
    peers.length > 0 && Number.isFinite(cpuBase)
      ? `; CPU time: ${peers.map((tool) => `${formatRatio(result[tool].cpuMs / cpuBase)} vs ${tool}`).join(", ")}`
      : "";
  return `${corpus.label}: ${ratios.length > 0 ? `${ratios.join(", ")} ` : ""}(${times.join(", ")}${floor}${cpu})`;
}

const formatSeconds = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`);

function speedTable(corpora, results) {
  const rows = [];
  for (const corpus of corpora) {
    const base = results[corpus.name].shipshape.medianMs;
    for (const tool of corpus.tools) {
      const r = results[corpus.name][tool];
      const speedUp =
        tool === "shipshape"
          ? "—"
          : tool === "floor"
            ? `shipshape ${formatRatio(base / r.medianMs)} of it`
            : formatRatio(r.medianMs / base);
      rows.push([
        corpus.label,
        `${(corpus.bytes / 1024).toFixed(0)} kB`,
        tool,
        String(r.runs),
        formatMs(r.medianMs),
        formatMs(r.cpuMs),
        formatKb(r.peakKb),
        tool === "floor" ? "—" : String(r.findings.length),
        speedUp,
      ]);
    }
  }
  return markdownTable(
    [
      "corpus",
      "size",
      "tool",
      "runs",
      "median wall time",
      "median CPU time",
      "median peak RSS",
      "findings",
      "shipshape speed-up",
    ],
    rows,
    ["l", "r", "l", "r", "r", "r", "r", "r", "r"],
  );
}

function plantedTable(corpus, result, tools) {
  const rows = missionRules.map((rule) => {
    const planted = corpus.planted.filter((stack) => stack.mistake === rule).length;
    const cells = tools.map((tool) => {
      const found = plantedFound(corpus, tool, result[tool].findings)[rule];
      return found === undefined ? "no such check" : String(found);
    });
    return [`\`${rule}\``, String(planted), ...cells];
  });
  return markdownTable(["mission rule", "planted", ...tools], rows, ["l", "r", ...tools.map(() => "r")]);
}

/**
 * cfn-lint on a sample of the generated stacks: any error (E) other than the planted ones means
 * the generator writes templates CloudFormation would refuse. Prints the verdict.
 */
function checkDeployable(corpus) {
  const planted = corpus.planted.slice(0, 2);
  const clean = corpus.files.filter((file) => !corpus.planted.some((stack) => stack.file === file));
  const sample = [
    ...planted.map((stack) => stack.file),
    ...[0, 1, 2].map((i) => clean[Math.floor((i * clean.length) / 3)]),
  ];
  const [command, args] = toolCommands["cfn-lint"](sample);
  const findings = parseFindings("cfn-lint", timedRun(command, args, { env: peerEnv(), withPeakMemory: false }).stdout);
  const errors = findings.filter((f) => f.id.startsWith("E"));
  const expected = (f) =>
    f.id === "E3048" && planted.some((stack) => stack.file === f.file && stack.mistake === "fargate-requires-awsvpc");
  const unexpected = errors.filter((f) => !expected(f));
  console.log(
    `\nDeployable? cfn-lint ${toolVersion("cfn-lint")} on ${sample.length} of the ${corpus.files.length} templates (${planted.length} with a planted mistake): ` +
      `${errors.length} error(s), ${unexpected.length} not planted${unexpected.length > 0 ? `: ${unexpected.map((f) => `${basename(f.file)} ${f.id} ${f.detail}`).join("; ")}` : ""}. ` +
      `${corpus.planted.length} of ${corpus.files.length} templates (${((100 * corpus.planted.length) / corpus.files.length).toFixed(0)}%) carry one planted mission mistake; the others none.`,
  );
}

// ---- entry points ------------------------------------------------------------------------------

export function availableTools(peers) {
  return ["shipshape", ...Object.keys(peers.available).filter((name) => peers.available[name])];
}

export function runSpeedComparison({ quick = false, peers, peerRuns }) {
  ensureGnuTime();
  const tools = availableTools(peers);
  const plan = { ...(quick ? runPlan.quick : runPlan.full), peerRuns };
  const { corpora } = buildCorpus({ quick, tools });
  console.log(
    `bench: comparing ${tools.map((tool) => `${tool} ${toolVersion(tool)}`).join(", ")} (corpus in ${relative(repoRoot, outDir)}/)`,
  );
  warmUp([...tools, "floor"], corpora[0].files.slice(0, 5));
  const results = {};
  for (const corpus of corpora) {
    const started = Date.now();
    results[corpus.name] = measureCorpus(corpus, plan);
    console.log(`bench:   ${corpus.label}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const [one] = loadavg();
  console.log(
    `\n### The same files, in the same run — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${one.toFixed(1)} at the end, node ${process.version}\n`,
  );
  for (const corpus of corpora) console.log(`- ${ratioLine(corpus, results[corpus.name])}`);
  console.log("");
  for (const corpus of corpora)
    if (corpus.detail || corpus.note)
      console.log(`${corpus.label}: ${[corpus.detail, corpus.note].filter(Boolean).join("; ")}.`);
  console.log("");
  console.log(speedTable(corpora, results));
  console.log(
    "\nWall time is the whole process (start-up included), median of the runs, the tools interleaved; peak RSS is GNU time's maximum resident set size, median of the runs. Speed-up = the peer's median / shipshape's on the same files. The floor is a node process that reads every file and parses it (JSON.parse, or the `yaml` package), no rules. Findings count what each tool reports (their rules differ).",
  );
  const stacks = corpora.find((corpus) => corpus.name === "stacks");
  console.log(
    `\nPlanted mission mistakes found in the ${stacks.label} (each tool's ids for the rule; see the agreement table):\n`,
  );
  console.log(plantedTable(stacks, results.stacks, tools));
  if (tools.includes("cfn-lint")) checkDeployable(stacks);
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
      "peer-runs": { type: "string" }, // this many runs of each peer on every corpus (shipshape and the floor: 3)
    },
  });
  buildLinter();
  const peers = ensurePeers();
  if (!values["skip-speed"])
    runSpeedComparison({ quick: values.quick, peers, peerRuns: values["peer-runs"] && Number(values["peer-runs"]) });
  if (!values["skip-agreement"]) runAgreement({ peers });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
