// `npm run bench`: shipshape against cfn-lint and checkov (speed and agreement), the peers' own
// test cases linted by shipshape (bench/agreement-fixtures.mjs, offline), the lifecycle preview on
// large repositories, the CLI's and the actions' start-up, and the linter's own speed
// (bench/lint.mjs) with its ratio to the floor on 10,000 task definitions (bench/floor-budget.mjs).
// Prints markdown tables; asserts nothing.
//   npm run bench [-- --quick] [-- --skip-compare] [-- --skip-fixtures] [-- --skip-lifecycle]
//                 [-- --skip-startup] [-- --skip-actions] [-- --skip-lint]
//   BENCH_QUICK=1 npm run bench      # the same as --quick
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { runActionsBenchmark } from "./actions.mjs";
import { runPeerFixtures } from "./agreement-fixtures.mjs";
import { runAgreement, runSpeedComparison } from "./compare.mjs";
import { buildEcrActionLib, runLifecycleBenchmark } from "./lifecycle.mjs";
import { runStartupBenchmark } from "./startup.mjs";
import { buildLinter, ensurePeers, repoRoot } from "./peers.mjs";

const { values: options } = parseArgs({
  options: {
    quick: { type: "boolean", default: false }, // one run each: checks the wiring, the figures mean little
    "skip-compare": { type: "boolean", default: false },
    "skip-fixtures": { type: "boolean", default: false },
    "skip-lifecycle": { type: "boolean", default: false },
    "skip-startup": { type: "boolean", default: false },
    "skip-actions": { type: "boolean", default: false },
    "skip-lint": { type: "boolean", default: false },
  },
});

// biome-ignore lint/suspicious/noUndeclaredEnvVars: the bench's own switch, read by no build task
const quickFromEnv = process.env.BENCH_QUICK;
if (quickFromEnv && quickFromEnv !== "0") options.quick = true;

function header() {
  const [one] = loadavg();
  console.log(`# shipshape benchmarks — ${new Date().toISOString()}`);
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model.trim()}), node ${process.version}, load average ${one.toFixed(2)} at the start`,
  );
  if (options.quick) console.log("--quick: one run per measure; use the figures to check the wiring only");
}

/** bench/lint.mjs is its own script; a failure there is reported and the rest goes on. */
function runLinterBenchmark() {
  const args = options.quick ? ["--count", "1000", "--runs", "3"] : [];
  const result = spawnSync(process.execPath, [`${repoRoot}bench/lint.mjs`, ...args], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0)
    console.log(`\nbench: bench/lint.mjs failed (exit ${result.status}); its table is missing above`);
  const budget = spawnSync(
    process.execPath,
    [`${repoRoot}bench/floor-budget.mjs`, "--no-build", ...(options.quick ? ["--count", "1000", "--runs", "1"] : [])],
    { cwd: repoRoot, stdio: "inherit" },
  );
  if (budget.status !== 0)
    console.log(`\nbench: bench/floor-budget.mjs failed (exit ${budget.status}); its table is missing above`);
}

function section(title, run) {
  const started = Date.now();
  console.log(`\n## ${title}\n`);
  try {
    run();
  } catch (error) {
    process.exitCode = 1;
    console.log(`\nbench: ${title} failed: ${error.message}`);
  }
  console.log(`\n(${title}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const started = Date.now();
header();
buildLinter();
if (!options["skip-compare"]) {
  const peers = ensurePeers();
  section("Speed against cfn-lint and checkov", () => runSpeedComparison({ quick: options.quick, peers }));
  section("Agreement on the overlapping checks", () => runAgreement({ peers }));
}
if (!options["skip-fixtures"]) section("Agreement on the peers' own test cases", runPeerFixtures);
if (!options["skip-lifecycle"])
  section("Lifecycle preview on large repositories", () => {
    buildEcrActionLib();
    runLifecycleBenchmark({ quick: options.quick });
  });
if (!options["skip-startup"]) section("CLI start-up", () => runStartupBenchmark({ runs: options.quick ? 3 : 20 }));
if (!options["skip-actions"]) section("Actions' start-up", () => runActionsBenchmark({ runs: options.quick ? 3 : 15 }));
if (!options["skip-lint"]) section("Linter speed (bench/lint.mjs, bench/floor-budget.mjs)", runLinterBenchmark);
console.log(`\nbench: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
