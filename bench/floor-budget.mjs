// Issue 15's target for the CLI: `shipshape lint DIR` on 10,000 task-definition files within 3× of
// the floor (bench/floor.mjs: read + JSON.parse, no rules), with a peak RSS at most 60 MB + 4× the
// input's bytes. Both run from outside, start-up included, in rounds that alternate them; GNU time
// gives CPU time and peak RSS. Prints figures; asserts nothing.
//   node bench/floor-budget.mjs [--count 10000] [--runs 5] [--format json] [--against OLD/bin/shipshape.js]
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { ensureGnuTime, formatKb, formatMs, formatRatio, markdownTable, median, timedRun } from "./measure.mjs";
import { registerTaskDefinition } from "./realistic-corpus.mjs";

const root = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
    format: { type: "string", default: "json" },
    against: { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);

if (!values["no-build"])
  execFileSync("npx", ["turbo", "run", "build", "--filter=@shipshape/cli...", "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
ensureGnuTime();

// Outside the repository: its .gitignore (bench/.out/) would rightly hide the files from the walk.
const dir = `${tmpdir()}/shipshape-bench-floor-${count}`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++)
  writeFileSync(`${dir}/svc-${String(i).padStart(5, "0")}.json`, `${JSON.stringify(registerTaskDefinition(i), null, 2)}\n`);
const inputBytes = readdirSync(dir).reduce((sum, name) => sum + statSync(`${dir}/${name}`).size, 0);
const budgetKb = 60 * 1024 + (4 * inputBytes) / 1024;

const tools = [
  { name: "floor (read + JSON.parse)", args: [`${root}bench/floor.mjs`, dir] },
  { name: "shipshape", args: [`${root}packages/cli/bin/shipshape.js`, "lint", dir, "--format", values.format] },
  ...(values.against ? [{ name: `shipshape (${values.against})`, args: [values.against, "lint", dir, "--format", values.format] }] : []),
];
const samples = new Map(tools.map((tool) => [tool, []]));
for (let round = 0; round < runs; round++)
  for (const tool of round % 2 ? [...tools].reverse() : tools) {
    const run = timedRun(process.execPath, tool.args, { discardStdout: true });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${tool.name} exited ${run.status}: ${run.stderr}`);
    samples.get(tool).push(run);
  }

const summary = (tool) => {
  const of = (key) => median(samples.get(tool).map((run) => run[key]));
  return { wall: of("wallMs"), cpu: of("cpuMs"), peak: of("peakKb") };
};
const floor = summary(tools[0]);
console.log(
  `\n10,000 task definitions against the floor — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`,
);
console.log(`${count} RegisterTaskDefinition files (bench/realistic-corpus.mjs), ${(inputBytes / 1e6).toFixed(1)} MB; medians of ${runs} runs; memory budget 60 MB + 4 × input = ${formatKb(budgetKb)}\n`);
const rows = tools.map((tool, index) => {
  const { wall, cpu, peak } = summary(tool);
  return [
    tool.name,
    formatMs(wall),
    index === 0 ? "—" : formatRatio(wall / floor.wall),
    formatMs(cpu),
    index === 0 ? "—" : formatRatio(cpu / floor.cpu),
    formatKb(peak),
    index === 0 ? "—" : `${peak <= budgetKb ? "within" : "over"} (${((100 * peak) / budgetKb).toFixed(0)}% of it)`,
  ];
});
console.log(
  markdownTable(
    ["command", "median wall time", "× floor (wall)", "median CPU time", "× floor (CPU)", "median peak RSS", "vs the memory budget"],
    rows,
    ["l", "r", "r", "r", "r", "r", "l"],
  ),
);
