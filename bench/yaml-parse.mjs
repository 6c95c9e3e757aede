// YAML reading in process: the fast reader against the `yaml` package path it falls back to, on
// CloudFormation templates of N task definitions (corpus.mjs), then the fast reader on a CRLF copy
// with a byte-order mark against the LF original. Prints figures; asserts nothing.
//   node bench/yaml-parse.mjs [--runs 9]
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { missionTemplate } from "./corpus.mjs";
import { formatBytes, formatRatio, markdownTable, median } from "./measure.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { runs: { type: "string", default: "9" } } });
const runs = Number(values.runs);

execFileSync("npx", ["turbo", "run", "build", "--filter=@shipshape/core", "--filter=@shipshape/fast-yaml", "--output-logs=errors-only"], {
  cwd: root,
  stdio: "inherit",
});
const { parseYamlFast } = await import(`${root}packages/fast-yaml/lib/index.js`);
const { parseYamlWithPackage } = await import(`${root}packages/core/lib/document/parse-yaml.js`);

const timeMs = (parse, text) => {
  const start = process.hrtime.bigint();
  const tree = parse(text);
  if (tree === undefined) throw new Error("the fast reader declined a generated template");
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const formatMs = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const rows = [];
for (const count of [1, 100, 1000]) {
  const text = stringify(missionTemplate(count).template);
  const fast = median(Array.from({ length: runs }, () => timeMs(parseYamlFast, text)));
  const reference = median(Array.from({ length: runs }, () => timeMs(parseYamlWithPackage, text)));
  const label = `${count} task definition${count === 1 ? "" : "s"}`;
  rows.push([label, formatBytes(text.length), formatMs(reference), formatMs(fast), formatRatio(reference / fast)]);
}
console.log(
  markdownTable(["template", "size", "yaml package", "fast reader", "speed-up"], rows, ["l", "r", "r", "r", "r"]),
);

// CPU time of this process, runs interleaved: the ratio holds on a busy machine, where wall time does not.
const cpuMs = (parse, text) => {
  const start = process.cpuUsage();
  if (parse(text) === undefined) throw new Error("the fast reader declined a generated template");
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
const lf = stringify(missionTemplate(1000).template);
const crlf = `\ufeff${lf.replaceAll("\n", "\r\n")}`;
const lfRuns = [];
const crlfRuns = [];
for (let run = 0; run < Math.max(runs, 31); run++) {
  lfRuns.push(cpuMs(parseYamlFast, lf));
  crlfRuns.push(cpuMs(parseYamlFast, crlf));
}
const [lfMs, crlfMs] = [median(lfRuns), median(crlfRuns)];
console.log();
console.log(
  markdownTable(
    ["1000 task definitions, fast reader", "size", "CPU time", "against LF"],
    [
      ["LF", formatBytes(lf.length), formatMs(lfMs), formatRatio(1)],
      ["CRLF and a byte-order mark", formatBytes(crlf.length), formatMs(crlfMs), formatRatio(crlfMs / lfMs)],
    ],
    ["l", "r", "r", "r"],
  ),
);
