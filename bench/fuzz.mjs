// The fuzz campaign: generated and mutated inputs (bench/fuzz-inputs.mjs) through core's
// loadDocument and lintSources in child processes, each input under a 2 s watchdog and a 300 MB heap
// limit, and a sample through the CLI. Not part of `npm test`: `npm run fuzz`.
//   FUZZ_INPUTS=100000 FUZZ_SEED=1 FUZZ_CLI=300 FUZZ_FROM=0 node bench/fuzz.mjs [--no-build] [--workers 2]
//     [--lib packages/core/lib] [--cli packages/cli/bin/shipshape.js] [--out bench/.out/fuzz-findings]
//   node bench/fuzz.mjs --replay bench/.out/fuzz-findings     # runs saved inputs again, in process
// A crash is an exception out of loadDocument or lintSources (they must never throw for bad input),
// a hang an input still running after 2 s (twice: it runs again in a fresh worker first), and an
// input over 300 MB one that takes its process past a 300 MB heap, or grows its resident memory by
// more than 300 MB. Each is written to
// bench/.out/fuzz-findings/ with what happened. The last line of output is
// `fuzz: N inputs, C crashes, H hangs, M over 300 MB`.
import { execFileSync, fork, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { makeInput } from "./fuzz-inputs.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values: options } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    workers: { type: "string", default: String(Math.max(1, Math.min(2, availableParallelism()))) },
    replay: { type: "string" },
    out: { type: "string", default: join(root, "bench/.out/fuzz-findings") },
    // a copy of the builds, so a long campaign is not changed by a rebuild under it
    lib: { type: "string", default: join(root, "packages/core/lib") },
    cli: { type: "string", default: join(root, "packages/cli/bin/shipshape.js") },
  },
});
const { FUZZ_INPUTS, FUZZ_SEED, FUZZ_CLI, FUZZ_FROM } = process.env;
const total = Number(FUZZ_INPUTS ?? 100_000);
const seed = Number(FUZZ_SEED ?? 1);
const cliRuns = Math.min(total, Number(FUZZ_CLI ?? 300));
/** The first input's index: FUZZ_FROM=68400 FUZZ_INPUTS=100 runs inputs 68400 to 68499 again. */
const first = Number(FUZZ_FROM ?? 0);
const WATCHDOG_MS = 2000;
const HEAP_LIMIT_MB = 300;
const CLI_WATCHDOG_MS = 15_000; // node's start-up included, on a loaded machine
const lib = pathToFileURL(join(options.lib, "index.js")).href;
const cli = options.cli;

if (!options["no-build"])
  execFileSync("npx", ["turbo", "run", "build", "--filter=@shipshape/cli...", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });

if (options.replay) await replay(options.replay);
else await campaign();

// ---- the campaign ------------------------------------------------------------------------------

async function campaign() {
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  const stats = { done: 0, crashes: 0, hangs: 0, overMemory: 0, slowest: undefined, hungriest: undefined, byKind: new Map() };
  const started = performance.now();
  let next = first;
  const retried = new Set();
  const retry = [];
  let lastReport = started;

  const record = (input, what, detail) => {
    const name = `${what}-${input.index}-${input.kind}`;
    writeFileSync(join(options.out, `${name}.input`), input.text);
    writeFileSync(join(options.out, `${name}.json`), JSON.stringify({ what, seed, ...input, text: undefined, detail }, null, 2));
    console.log(`fuzz: ${what} on input ${input.index} (${input.kind}, ${input.file}): ${String(detail).split("\n")[0]}`);
  };
  const nextIndex = () => (retry.length > 0 ? retry.shift() : next < first + total ? next++ : undefined);

  const runWorker = () =>
    new Promise((resolve) => {
      let current;
      let timer;
      let dead = false;
      let stderr = "";
      const worker = fork(fileURLToPath(new URL("./fuzz-worker.mjs", import.meta.url)), [lib, String(seed)], {
        execArgv: [`--max-old-space-size=${HEAP_LIMIT_MB}`, "--max-semi-space-size=16"],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      worker.stderr.on("data", (chunk) => {
        stderr = (stderr + chunk).slice(-4000);
      });
      const feed = () => {
        current = nextIndex();
        if (current === undefined) worker.disconnect();
        else worker.send({ index: current });
      };
      /** The worker is gone with `current` unfinished: a hang (after a retry), too much memory, or a crash. */
      const lost = (what, detail) => {
        if (dead) return;
        dead = true;
        clearTimeout(timer);
        worker.removeAllListeners();
        worker.kill("SIGKILL");
        const index = current;
        if (index !== undefined) {
          if (what === "hang" && !retried.has(index)) {
            retried.add(index);
            retry.push(index);
          } else {
            if (what === "hang") stats.hangs++;
            else if (what === "memory") stats.overMemory++;
            else stats.crashes++;
            const input = makeInput(seed, index);
            const k = kindStats(stats, input.kind);
            k.count++;
            k[what === "hang" ? "hangs" : what === "memory" ? "overMemory" : "crashes"]++;
            stats.done++;
            record(makeInput(seed, index), what, detail);
          }
        }
        resolve(runWorker());
      };
      worker.on("message", (message) => {
        if (dead) return;
        if (message.type === "ready") feed();
        else if (message.type === "start")
          timer = setTimeout(() => lost("hang", `still running after ${WATCHDOG_MS} ms`), WATCHDOG_MS);
        else if (message.type === "done") {
          clearTimeout(timer);
          account(stats, message);
          if (message.rssBytes > HEAP_LIMIT_MB * 1024 * 1024) {
            stats.overMemory++;
            kindStats(stats, message.kind).overMemory++;
            record(makeInput(seed, message.index), "memory", `resident memory grew by ${mb(message.rssBytes)}`);
          }
          if (message.error) {
            stats.crashes++;
            record(makeInput(seed, message.index), "crash", message.error);
          }
          if (performance.now() - lastReport > 30_000) {
            lastReport = performance.now();
            console.log(`fuzz: ${stats.done} of ${total} inputs, ${rate(stats.done, started)} inputs/s`);
          }
          feed();
        }
      });
      worker.on("error", (error) => lost("crash", String(error?.stack ?? error)));
      worker.on("exit", (code, signal) => {
        if (current === undefined) return resolve();
        // V8 ends the process when a heap or one of its allocators runs out
        const overMemory = /out of memory|Allocation failed/i.test(stderr);
        lost(overMemory ? "memory" : "crash", overMemory ? `out of memory (heap limit ${HEAP_LIMIT_MB} MB): ${stderr.match(/[^\n]*(out of memory|Allocation failed)[^\n]*/i)?.[0]}` : `the process exited (${signal ?? code}): ${stderr.slice(-500)}`);
      });
    });

  const cliSample = runCliSample(stats);
  await Promise.all(Array.from({ length: Number(options.workers) }, runWorker));
  const cli = await cliSample;
  const seconds = (performance.now() - started) / 1000;

  console.log(`\nfuzz: seed ${seed}, ${options.workers} process(es), ${seconds.toFixed(0)} s, ${rate(stats.done, started)} inputs/s`);
  console.log(
    `| kind | inputs | crashes | hangs | over ${HEAP_LIMIT_MB} MB | worst time | worst heap growth | worst RSS growth |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  );
  for (const [kind, k] of [...stats.byKind].sort((a, b) => b[1].count - a[1].count))
    console.log(`| ${kind} | ${k.count} | ${k.crashes} | ${k.hangs} | ${k.overMemory} | ${k.worstMs.toFixed(0)} ms | ${mb(k.worstHeap)} | ${mb(k.worstRss)} |`);
  if (stats.slowest)
    console.log(`slowest input: ${stats.slowest.ms.toFixed(0)} ms, input ${stats.slowest.index} (${stats.slowest.kind}, ${stats.slowest.length} characters)`);
  if (stats.hungriest)
    console.log(`most heap: ${mb(stats.hungriest.heapBytes)}, input ${stats.hungriest.index} (${stats.hungriest.kind}, ${stats.hungriest.length} characters)`);
  if (stats.largest)
    console.log(`most resident memory: ${mb(stats.largest.rssBytes)} more, input ${stats.largest.index} (${stats.largest.kind}, ${stats.largest.length} characters)`);
  console.log(`CLI: ${cli.runs} runs, ${cli.failures} failures, slowest ${cli.worstMs.toFixed(0)} ms (input ${cli.worstIndex})`);
  if (stats.crashes + stats.hangs + stats.overMemory + cli.failures > 0) console.log(`inputs written to ${options.out}`);
  console.log(`fuzz: ${stats.done} inputs, ${stats.crashes + cli.failures} crashes, ${stats.hangs} hangs, ${stats.overMemory} over ${HEAP_LIMIT_MB} MB`);
  process.exitCode = stats.crashes + stats.hangs + stats.overMemory + cli.failures > 0 ? 1 : 0;
}

function kindStats(stats, kind) {
  let k = stats.byKind.get(kind);
  if (!k) {
    k = { count: 0, crashes: 0, hangs: 0, overMemory: 0, worstMs: 0, worstHeap: 0, worstRss: 0 };
    stats.byKind.set(kind, k);
  }
  return k;
}

function account(stats, { index, kind, ms, heapBytes, rssBytes, length, error }) {
  stats.done++;
  const k = kindStats(stats, kind);
  k.count++;
  if (error) k.crashes++;
  k.worstMs = Math.max(k.worstMs, ms);
  k.worstHeap = Math.max(k.worstHeap, heapBytes);
  k.worstRss = Math.max(k.worstRss, rssBytes);
  if (!stats.largest || rssBytes > stats.largest.rssBytes) stats.largest = { index, kind, rssBytes, length };
  if (!stats.slowest || ms > stats.slowest.ms) stats.slowest = { index, kind, ms, length };
  if (!stats.hungriest || heapBytes > stats.hungriest.heapBytes) stats.hungriest = { index, kind, heapBytes, length };
}

function rate(count, started) {
  return Math.round(count / ((performance.now() - started) / 1000));
}

function mb(bytes) {
  return `${(Math.max(0, bytes) / 1024 / 1024).toFixed(1)} MB`;
}

// ---- the CLI sample ----------------------------------------------------------------------------

/**
 * `shipshape lint FILE --format json` on every (total / cliRuns)-th input, one at a time beside the
 * workers. A failure: an exit code other than 0, 1 or 2, a stack trace, output that is not JSON, or
 * no exit within CLI_WATCHDOG_MS.
 */
async function runCliSample(stats) {
  const result = { runs: 0, failures: 0, worstMs: 0, worstIndex: undefined };
  if (cliRuns === 0) return result;
  const dir = mkdtempSync(join(tmpdir(), "shipshape-fuzz-cli-"));
  const step = Math.max(1, Math.floor(total / cliRuns));
  for (let index = first; index < first + total && result.runs < cliRuns; index += step) {
    const input = makeInput(seed, index);
    const file = join(dir, input.file);
    writeFileSync(file, input.text);
    const run = await runCli(file);
    rmSync(file, { force: true });
    result.runs++;
    if (run.ms > result.worstMs) Object.assign(result, { worstMs: run.ms, worstIndex: index });
    const problem = cliProblem(run);
    if (problem) {
      result.failures++;
      const name = `cli-${index}-${input.kind}`;
      writeFileSync(join(options.out, `${name}.input`), input.text);
      writeFileSync(join(options.out, `${name}.json`), JSON.stringify({ what: "cli", seed, index, kind: input.kind, file: input.file, problem, stderr: run.stderr.slice(0, 4000) }, null, 2));
      console.log(`fuzz: CLI ${problem} on input ${index} (${input.kind})`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  stats.cli = result;
  return result;
}

function runCli(file) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cli, "lint", file, "--format", "json"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), CLI_WATCHDOG_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - start });
    });
  });
}

function cliProblem({ code, signal, stdout, stderr }) {
  if (signal) return `no exit within ${CLI_WATCHDOG_MS} ms (${signal})`;
  if (![0, 1, 2].includes(code)) return `exit code ${code}`;
  if (/^\s+at /m.test(stderr)) return "a stack trace";
  try {
    JSON.parse(stdout);
  } catch {
    return "output that is not JSON";
  }
  return undefined;
}

// ---- replay ------------------------------------------------------------------------------------

/** Runs saved inputs (a findings directory, or one `.input` file) in process and shows what happens. */
async function replay(path) {
  const { loadDocument, lintSources } = await import(lib);
  const files = path.endsWith(".input") ? [path] : readdirSync(path).filter((name) => name.endsWith(".input")).map((name) => join(path, name));
  for (const inputPath of files) {
    const about = JSON.parse(readFileSync(inputPath.replace(/\.input$/, ".json"), "utf8"));
    const text = readFileSync(inputPath, "utf8");
    const start = performance.now();
    let outcome;
    try {
      const result = loadDocument(about.file, text);
      const { findings } = lintSources([{ file: about.file, text }]);
      outcome = `${result.status}, ${findings.length} findings`;
    } catch (error) {
      outcome = `threw ${error?.stack ?? error}`;
    }
    console.log(`${inputPath}: ${about.what} before; now ${outcome} in ${(performance.now() - start).toFixed(0)} ms`);
  }
}
