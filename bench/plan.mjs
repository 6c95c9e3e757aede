// Terraform plan reading and linting in process: generated plans (corpus.mjs) of 5 to 50 MB, to
// show how time grows with size. Prints figures; asserts nothing.
//   node bench/plan.mjs [--sizes 5,10,20,50] [--lib packages/core/lib] [--no-build]
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { terraformPlanOfSize } from "./corpus.mjs";
import { formatBytes, markdownTable } from "./measure.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "5,10,20,50" },
    lib: { type: "string", default: `${root}packages/core/lib` },
    "no-build": { type: "boolean", default: false },
  },
});
if (!values["no-build"])
  execFileSync("npx", ["turbo", "run", "build", "--filter=@shipshape/core", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
const { loadDocument, lintSources } = await import(pathToFileURL(resolve(values.lib, "index.js")).href);

const timeMs = (fn) => {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};

const rows = [];
for (const size of values.sizes.split(",").map(Number)) {
  const text = terraformPlanOfSize(size);
  const load = timeMs(() => loadDocument("plan.json", text));
  if (load.result.status !== "loaded") throw new Error(`the ${size} MB plan did not load: ${load.result.status}`);
  const lint = timeMs(() => lintSources([{ file: "plan.json", text }]));
  rows.push([
    `${size} MB`,
    formatBytes(text.length),
    String(load.result.document.resources.length),
    `${load.ms.toFixed(0)} ms`,
    `${lint.ms.toFixed(0)} ms`,
    `${((lint.ms / text.length) * 1e6).toFixed(0)} ms/MB`,
    String(lint.result.findings.length),
  ]);
}
console.log(
  markdownTable(["plan", "size", "resources", "load", "lint (load included)", "lint per MB", "findings"], rows, [
    "l",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
  ]),
);
