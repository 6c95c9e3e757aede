// The CLI's start-up: what it loads before it reads the first file, and what each way of starting
// it costs (`npx shipshape`, `node node_modules/.bin/shipshape`, a package.json script, the bin).
// Medians of whole processes, the ways interleaved. Prints tables; asserts nothing.
//   node bench/startup.mjs [--runs 20]
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { formatRatio, markdownTable, median, timedRun } from "./measure.mjs";
import { buildLinter, repoRoot, shipshapeCli } from "./peers.mjs";

const bundle = `${repoRoot}packages/cli/lib/shipshape.bundle.mjs`;
const sample = `${repoRoot}examples/fargate-web/task-definition.json`;

/** A project that depends on the CLI as users have it: node_modules/.bin/shipshape and a lint script. */
function sampleProject() {
  const dir = mkdtempSync(join(tmpdir(), "shipshape-startup-"));
  mkdirSync(`${dir}/node_modules/.bin`, { recursive: true });
  mkdirSync(`${dir}/node_modules/@shipshape`, { recursive: true });
  symlinkSync(`${repoRoot}packages/cli`, `${dir}/node_modules/@shipshape/cli`);
  symlinkSync("../@shipshape/cli/bin/shipshape.js", `${dir}/node_modules/.bin/shipshape`);
  copyFileSync(sample, `${dir}/task-definition.json`);
  writeFileSync(
    `${dir}/package.json`,
    `${JSON.stringify({ name: "startup-sample", private: true, scripts: { lint: "shipshape lint task-definition.json" } }, null, 2)}\n`,
  );
  return dir;
}

const ways = (dir) => [
  ["`npx shipshape lint task-definition.json`", "npx", ["--no-install", "shipshape", "lint", "task-definition.json"]],
  ["`npm run lint` (script: `shipshape lint task-definition.json`)", "npm", ["run", "--silent", "lint"]],
  [
    "`node node_modules/.bin/shipshape lint task-definition.json`",
    process.execPath,
    [`${dir}/node_modules/.bin/shipshape`, "lint", "task-definition.json"],
  ],
  [
    "`./node_modules/.bin/shipshape lint task-definition.json` (the bin, through its #! line)",
    `${dir}/node_modules/.bin/shipshape`,
    ["lint", "task-definition.json"],
  ],
  ["`node -e 0` (node alone, for scale)", process.execPath, ["-e", "0"]],
];

function measureWays(runs) {
  const dir = sampleProject();
  try {
    const list = ways(dir);
    const samples = list.map(() => []);
    for (let round = 0; round < runs; round++) {
      list.forEach((_, offset) => {
        const index = (offset + round) % list.length;
        const [, command, args] = list[index];
        const run = timedRun(command, args, {
          cwd: dir,
          withPeakMemory: false,
          env: { ...process.env, NO_COLOR: "1" },
        });
        if (run.status !== 0 && run.status !== 1)
          throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr.trim()}`);
        samples[index].push(run.wallMs);
      });
    }
    const bin = median(samples[2]);
    return list.map(([label], index) => [
      label,
      `${median(samples[index]).toFixed(0)} ms`,
      index === 4 ? "—" : formatRatio(median(samples[index]) / bin),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times inside one process: when the first file is read, and how long importing the bundle takes. */
function measureFirstRead(runs) {
  const firstRead = [];
  const importMs = [];
  const bootstrap = [];
  for (let i = 0; i < runs; i++) {
    const probe = spawnSync(
      process.execPath,
      ["--import", `${repoRoot}bench/first-read-probe.mjs`, shipshapeCli, "lint", sample],
      {
        encoding: "utf8",
        env: { ...process.env, SHIPSHAPE_PROBE_FILE: "fargate-web/task-definition.json" },
      },
    );
    firstRead.push(Number(probe.stdout.match(/::first-read:: (\S+)/)?.[1]));
    const load = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(t, performance.now() - t)`,
      ],
      { encoding: "utf8" },
    );
    const [before, took] = load.stdout.trim().split(" ").map(Number);
    bootstrap.push(before);
    importMs.push(took);
  }
  return { firstRead: median(firstRead), importMs: median(importMs), bootstrap: median(bootstrap) };
}

/** The bundle's modules grouped (a package, or a folder of ours), from esbuild's `// path` comments. */
function bundleRegions() {
  const lines = readFileSync(bundle, "utf8").split("\n");
  const starts = [];
  lines.forEach((line, index) => {
    const path = line.match(/^\/\/ (\S+\.[cm]?js)$/)?.[1];
    if (path) starts.push({ line: index, group: groupOf(path) });
  });
  const groupAt = (line) => {
    let low = 0;
    let high = starts.length - 1;
    let found = "(esbuild preamble: module wrappers)";
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle].line <= line) {
        found = starts[middle].group;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
  const bytes = new Map();
  lines.forEach((line, index) => {
    const group = groupAt(index);
    bytes.set(group, (bytes.get(group) ?? 0) + line.length + 1);
  });
  return { groupAt, bytes };
}

function groupOf(path) {
  const dependency = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (dependency) return dependency;
  const ours = path.match(/(?:^|\/)(core|cli|project|report|aws)\/(?:lib|src)\/([^/]+)/);
  if (ours) return `@shipshape/${ours[1]} ${ours[2].replace(/\.js$/, "")}`;
  return path;
}

/**
 * CPU samples while the bundle is imported, by module group (line-level ticks of a
 * --cpu-prof profile), over several runs; V8's compile of the bundle's text is its own row.
 */
function moduleLoadProfile(runs) {
  const { groupAt, bytes } = bundleRegions();
  const spent = new Map();
  let total = 0;
  const add = (group, us) => spent.set(group, (spent.get(group) ?? 0) + us);
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), "shipshape-cpuprof-"));
    spawnSync(process.execPath, [
      "--cpu-prof",
      "--cpu-prof-interval",
      "100",
      "--cpu-prof-dir",
      dir,
      "--input-type=module",
      "-e",
      `await import(${JSON.stringify(pathToFileURL(bundle).href)})`,
    ]);
    const [file] = readdirSync(dir);
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
    rmSync(dir, { recursive: true, force: true });
    // Each sample's time is its timeDelta; a node's time is spread over its lines by their ticks.
    const time = new Map();
    profile.samples.forEach((id, index) => {
      time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
    for (const node of profile.nodes) {
      const us = time.get(node.id) ?? 0;
      const name = node.callFrame.functionName;
      if (us === 0 || name === "(idle)" || name === "(program)") continue;
      total += us;
      if (node.callFrame.url.endsWith("shipshape.bundle.mjs")) {
        const placed = node.positionTicks ?? [{ line: node.callFrame.lineNumber + 1, ticks: 1 }];
        const ticks = placed.reduce((sum, entry) => sum + entry.ticks, 0);
        for (const entry of placed) add(groupAt(entry.line - 1), (us * entry.ticks) / ticks);
      } else if (name === "compileSourceTextModule") add("(V8 parses and compiles the bundle)", us);
      else if (name === "(garbage collector)") add("(garbage collection)", us);
      else add("(node: bootstrap and module loader)", us);
    }
  }
  const rows = [...spent]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14)
    .map(([group, us]) => [
      group,
      `${(us / 1000 / runs).toFixed(1)} ms`,
      bytes.has(group) ? `${(bytes.get(group) / 1024).toFixed(0)} kB` : "",
    ]);
  return { rows, totalMs: total / 1000 / runs };
}

export function runStartupBenchmark({ runs = 20 } = {}) {
  const first = measureFirstRead(runs);
  console.log(
    `Before the first file: \`shipshape lint\` reads its first file ${first.firstRead.toFixed(0)} ms after the process starts (median of ${runs}); node's bootstrap takes ${first.bootstrap.toFixed(0)} ms of that and importing lib/shipshape.bundle.mjs (${(readFileSync(bundle).length / 1024).toFixed(0)} kB) ${first.importMs.toFixed(0)} ms.\n`,
  );
  const profile = moduleLoadProfile(5);
  console.log(
    `CPU while node starts and imports the bundle, by module (\`--cpu-prof\`, line ticks, mean of 5 runs, ${profile.totalMs.toFixed(0)} ms sampled):\n`,
  );
  console.log(markdownTable(["what", "CPU time", "bundle bytes"], profile.rows, ["l", "r", "r"]));
  console.log(
    `\nWays to run \`shipshape lint\` on one task definition (whole process, median of ${runs}, interleaved):\n`,
  );
  console.log(markdownTable(["command", "median wall time", "vs node + the bin"], measureWays(runs), ["l", "r", "r"]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
  buildLinter();
  runStartupBenchmark({ runs: Number(values.runs) });
}
