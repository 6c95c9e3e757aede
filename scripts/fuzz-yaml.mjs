// Fuzzes the YAML readers with mutated variants of the repository's YAML files (mutateYaml from
// @shipshape/fast-yaml). Each variant must: end within --slow-ms; never throw anything but a
// SyntaxProblem from core's parseYaml (parseYamlFast never throws); and, when the fast reader
// reads it, give the tree core's yaml package path gives. Needs built lib/ folders.
// Alias chains are read against a node budget of --max-nodes (100,000 by default, for speed: a
// document at the real 4,000,000 takes seconds to build, as it should).
//   node scripts/fuzz-yaml.mjs [--runs 100000] [--seed 1] [--slow-ms 2000] [--max-nodes 100000]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { mulberry32 } from "../bench/corpus.mjs";
import { described } from "./yaml-tree.mjs";

const root = new URL("..", import.meta.url).pathname;
const { mutateYaml, parseYamlFast } = await import(`${root}packages/fast-yaml/lib/index.js`);
const { parseYaml, parseYamlWithPackage } = await import(`${root}packages/core/lib/document/parse-yaml.js`);
const { SyntaxProblem } = await import(`${root}packages/core/lib/document/parse-json.js`);
const { DEFAULT_READER_LIMITS } = await import(`${root}packages/core/lib/document/limits.js`);

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    "slow-ms": { type: "string", default: "2000" },
    "max-nodes": { type: "string", default: "100000" },
  },
});
const runs = Number(values.runs);
const slowMs = Number(values["slow-ms"]);
const limits = { ...DEFAULT_READER_LIMITS, maxNodes: Number(values["max-nodes"]) };

const seeds = ["examples", "bench/corpus", "packages/fast-yaml/src/fixtures"].flatMap((folder) =>
  readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => readFileSync(join(root, folder, file), "utf8")),
);



const counts = { runs: 0, fast: 0, declined: 0, syntaxProblems: 0, crashes: 0, disagreements: 0, slow: 0 };
const failures = [];
let slowest = 0;
const report = (kind, run, text, detail) => {
  counts[kind]++;
  if (failures.length < 20) failures.push(`${kind} at run ${run}: ${detail}\n  ${JSON.stringify(text).slice(0, 300)}`);
};
const started = Date.now();
let lastProgress = started;
for (let run = 0; run < runs; run++) {
  const random = mulberry32(Number(values.seed) * 1_000_003 + run);
  const text = mutateYaml(seeds[Math.floor(random() * seeds.length)], random);
  counts.runs++;
  if (Date.now() - lastProgress > 60_000) {
    lastProgress = Date.now();
    console.log(`... ${run} runs, ${JSON.stringify(counts)}`);
  }
  const start = performance.now();
  let fast;
  try {
    fast = parseYamlFast(text);
  } catch (error) {
    report("crashes", run, text, `parseYamlFast threw ${error}`);
    continue;
  }
  try {
    parseYaml(text, limits, []);
  } catch (error) {
    if (error instanceof SyntaxProblem) counts.syntaxProblems++;
    else report("crashes", run, text, `parseYaml threw ${error?.stack ?? error}`);
  }
  const elapsed = performance.now() - start;
  slowest = Math.max(slowest, elapsed);
  if (elapsed > slowMs) report("slow", run, text, `${elapsed.toFixed(0)} ms`);
  if (process.env.FUZZ_TRACE && elapsed > 200) console.log(`run ${run}: ${elapsed.toFixed(0)} ms, ${text.length} chars`);
  if (fast === undefined) {
    counts.declined++;
    continue;
  }
  counts.fast++;
  let reference;
  try {
    reference = described(parseYamlWithPackage(text, limits));
  } catch (error) {
    report("disagreements", run, text, `the fast reader reads it, the yaml package path refuses: ${error.message}`);
    continue;
  }
  if (!isDeepStrictEqual(described(fast), reference)) report("disagreements", run, text, "different trees");
}
console.log(JSON.stringify({ ...counts, slowestMs: Math.round(slowest), seconds: Math.round((Date.now() - started) / 1000) }));
for (const failure of failures) console.log(failure);
process.exitCode = counts.crashes + counts.disagreements + counts.slow > 0 ? 1 : 0;
