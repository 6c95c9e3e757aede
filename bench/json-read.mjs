// The JSON reader in process against JSON.parse, on N task-definition files (corpus.mjs): reading
// time (median of the runs) and the memory the trees hold once read. Prints figures; asserts nothing.
//   node --expose-gc bench/json-read.mjs [--count 10000] [--runs 9] [--no-build] [--before DIR]
// --before: another build of core (its lib directory, e.g. one built from an older commit) whose
// parseJson is measured in the same process, in the same rounds, as "parseJson before".
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { seeded, taskDefinition } from "./corpus.mjs";
import { formatBytes, formatRatio, markdownTable, median } from "./measure.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    runs: { type: "string", default: "9" },
    "no-build": { type: "boolean", default: false },
    before: { type: "string" },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);
if (!values["no-build"])
  execFileSync("npx", ["turbo", "run", "build", "--filter=@shipshape/core", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
const { parseJson } = await import(`${root}packages/core/lib/document/parse-json.js`);

const random = seeded(42);
const texts = Array.from({ length: count }, (_, i) => `${JSON.stringify(taskDefinition(i, random), null, 2)}\n`);
const totalLength = texts.reduce((sum, text) => sum + text.length, 0);

const readAll = (read) => {
  const start = process.hrtime.bigint();
  const trees = texts.map((text) => read(text));
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, trees };
};

/** Heap the trees of every file hold, read at once and kept (needs --expose-gc to mean much). */
const retained = (read) => {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const { trees } = readAll(read);
  globalThis.gc?.();
  const after = process.memoryUsage().heapUsed;
  if (trees.length !== count) throw new Error("lost a tree");
  return after - before;
};

const readers = { "JSON.parse": (text) => JSON.parse(text), parseJson: (text) => parseJson(text) };
if (values.before) {
  const before = await import(pathToFileURL(resolve(values.before, "document/parse-json.js")).href);
  readers["parseJson before"] = (text) => before.parseJson(text);
}
for (const read of Object.values(readers)) readAll(read); // warm up the JIT
// rounds of every reader in turn, so a change in the machine's load touches them alike
const times = Object.fromEntries(Object.keys(readers).map((name) => [name, []]));
for (let run = 0; run < runs; run++) for (const [name, read] of Object.entries(readers)) times[name].push(readAll(read).ms);
const ms = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
const bytes = {};
for (const [name, read] of Object.entries(readers))
  bytes[name] = median(Array.from({ length: 3 }, () => retained(read)));

if (!globalThis.gc) console.log("(run with node --expose-gc for the memory column to mean much)");
console.log(`${count} task-definition files, ${formatBytes(totalLength)}, median of ${runs} runs\n`);
console.log(
  markdownTable(
    ["reader", "time", "files/s", "heap held by the trees", "time / JSON.parse", "memory / JSON.parse"],
    Object.keys(readers).map((name) => [
      name,
      `${ms[name].toFixed(0)} ms`,
      String(Math.round((count / ms[name]) * 1000)),
      formatBytes(bytes[name]),
      formatRatio(ms[name] / ms["JSON.parse"]),
      formatRatio(bytes[name] / bytes["JSON.parse"]),
    ]),
    ["l", "r", "r", "r", "r", "r"],
  ),
);
