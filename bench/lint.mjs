// Linter speed: files per second in process (one core), the CLI over a directory, a large
// CloudFormation template, and the CLI's cold start. Prints figures; asserts nothing.
//   node bench/lint.mjs [--count 10000] [--runs 15]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { seeded, taskDefinition, template } from "./corpus.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { count: { type: "string", default: "10000" }, runs: { type: "string", default: "15" } } });
const count = Number(values.count);
const runs = Number(values.runs);
const cli = `${root}packages/cli/bin/shipshape.js`;

execFileSync("npx", ["turbo", "run", "build", "--filter=@shipshape/cli...", "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
const { lintSources } = await import(`${root}packages/core/lib/index.js`);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (fn) => {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};

const random = seeded(42);
const sources = Array.from({ length: count }, (_, i) => ({ file: `td-${i}.json`, text: `${JSON.stringify(taskDefinition(i, random), null, 2)}\n` }));
const megabytes = sources.reduce((sum, s) => sum + s.text.length, 0) / 1e6;

lintSources(sources.slice(0, 500)); // warm up the JIT
const inProcess = median(Array.from({ length: 3 }, () => time(() => lintSources(sources)).ms));
const findings = lintSources(sources).findings.length;

const big = { file: "stack.json", text: JSON.stringify(template(1000, seeded(7)), null, 2) };
const bigYaml = { file: "stack.yaml", text: (await import("yaml")).stringify(template(1000, seeded(7))) };
const templateJson = median(Array.from({ length: 5 }, () => time(() => lintSources([big])).ms));
const templateYaml = median(Array.from({ length: 3 }, () => time(() => lintSources([bigYaml])).ms));

// Outside the repository: its .gitignore (bench/.out/) would rightly hide the files from the walk.
const dir = `${tmpdir()}/shipshape-bench-taskdefs`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const source of sources) writeFileSync(`${dir}/${source.file}`, source.text);
const lintDirectory = () => spawnSync(process.execPath, [cli, "lint", dir, "--format", "json"], { maxBuffer: 1 << 30 });
const checked = JSON.parse(lintDirectory().stdout).summary.filesChecked;
if (checked !== count) throw new Error(`the CLI checked ${checked} of ${count} files`);
const cliRun = median(Array.from({ length: 3 }, () => time(lintDirectory).ms));

const one = `${dir}/td-0.json`;
const coldStart = median(Array.from({ length: runs }, () => time(() => spawnSync(process.execPath, [cli, "lint", one], { stdio: "ignore" })).ms));
const bareNode = median(Array.from({ length: runs }, () => time(() => spawnSync(process.execPath, ["-e", "0"], { stdio: "ignore" })).ms));

const rows = [
  ["task definitions in process (one core)", `${count} files, ${megabytes.toFixed(1)} MB`, `${inProcess.toFixed(0)} ms`, `${Math.round((count / inProcess) * 1000)} files/s`],
  ["`shipshape lint DIR` (walk, read, lint, json)", `${count} files`, `${cliRun.toFixed(0)} ms`, `${Math.round((count / cliRun) * 1000)} files/s`],
  ["CloudFormation template, JSON", "2,000 resources", `${templateJson.toFixed(0)} ms`, ""],
  ["CloudFormation template, YAML", "2,000 resources", `${templateYaml.toFixed(0)} ms`, ""],
  ["CLI cold start (`shipshape lint` one file)", `median of ${runs}`, `${coldStart.toFixed(0)} ms`, `node alone: ${bareNode.toFixed(0)} ms`],
];
console.log(`\nshipshape linter benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${(await import("node:os")).cpus().length} cores; ${findings} findings on the task definitions\n`);
console.log("| measure | input | median | rate |\n| --- | --- | ---: | ---: |");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
