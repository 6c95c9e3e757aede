// `shipshape lifecycle preview` on generated repositories of 100,000 and 1,000,000 images
// (bench/lifecycle-images.mjs), text and json, output to /dev/null: wall time and peak RSS of the
// whole process, medians. The describe-images files are kept in bench/.out/lifecycle between runs.
//   node bench/lifecycle.mjs [--quick] [--against OTHER-BIN] [--against OTHER-BIN]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { writeDescribeImages } from "./lifecycle-images.mjs";
import { ensureGnuTime, formatKb, formatMs, markdownTable, median, timedRun } from "./measure.mjs";
import { buildLinter, repoRoot, shipshapeCli } from "./peers.mjs";

const outDir = `${repoRoot}bench/.out/lifecycle`;
const policy = `${repoRoot}policies/lifecycle/standard.json`;
/** The ecr action's log and job summary of a preview (bench/lifecycle-action-output.mjs). */
const ACTION_OUTPUT = "ecr action log + summary";
const actionOutputScript = `${repoRoot}bench/lifecycle-action-output.mjs`;
/** The evaluation time: fixed, so that every run expires the same images. */
const now = "2026-12-01T00:00:00Z";

/** actions/ecr/lib, which bench/lifecycle-action-output.mjs imports. */
export function buildEcrActionLib() {
  const result = spawnSync(
    "npx",
    ["turbo", "run", "build", "--filter=@shipshape/action-ecr...", "--output-logs=errors-only"],
    { cwd: repoRoot, stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error("bench: `turbo run build --filter=@shipshape/action-ecr...` failed");
}

function imagesFile(count) {
  mkdirSync(outDir, { recursive: true });
  const file = `${outDir}/images-${count}.json`;
  if (!existsSync(file)) writeDescribeImages(file, count);
  return file;
}

/**
 * `against`: another build of the CLI's bin (an older bundle, say) measured in the same rounds,
 * its rows marked with its path.
 */
export function runLifecycleBenchmark({ quick = false, against } = {}) {
  ensureGnuTime();
  const plan = quick
    ? [[100_000, 1]]
    : [
        [100_000, 3],
        [1_000_000, 1],
      ];
  const bins = [["shipshape", shipshapeCli], ...(against ? [[against, against]] : [])];
  const rows = [];
  for (const [count, runs] of plan) {
    const file = imagesFile(count);
    for (const format of ["text", "json", ACTION_OUTPUT]) {
      // The action's output runs from this checkout's lib/ only: another bin has no row for it.
      const measured = format === ACTION_OUTPUT ? bins.slice(0, 1) : bins;
      const samples = measured.map(() => []);
      for (let round = 0; round < runs; round++) {
        measured.forEach(([, bin], index) => {
          const args =
            format === ACTION_OUTPUT
              ? [actionOutputScript, policy, file, now]
              : [bin, "lifecycle", "preview", "--policy", policy, "--images", file, "--now", now, "--format", format];
          samples[index].push(timedRun(process.execPath, args, { discardStdout: true }));
        });
      }
      measured.forEach(([name], index) => {
        const failed = samples[index].find((run) => run.status !== 0);
        const middle = (key) => median(samples[index].map((run) => run[key]).filter((value) => value !== undefined));
        rows.push([
          `${count.toLocaleString("en")} images`,
          `${(statSync(file).size / 1e6).toFixed(0)} MB`,
          format,
          format === ACTION_OUTPUT ? "actions/ecr/lib" : name,
          String(runs),
          failed ? `exit ${failed.status}: ${failed.stderr.trim().split("\n").at(-1)}` : formatMs(middle("wallMs")),
          formatMs(middle("cpuMs")),
          formatKb(middle("peakKb")),
        ]);
      });
    }
  }
  console.log(
    `shipshape lifecycle preview --policy policies/lifecycle/standard.json --images FILE --now ${now} --format F > /dev/null\n`,
  );
  console.log(
    markdownTable(
      [
        "images",
        "describe-images file",
        "format",
        "bin",
        "runs",
        "median wall time",
        "median CPU time",
        "median peak RSS",
      ],
      rows,
      ["l", "r", "l", "l", "r", "r", "r", "r"],
    ),
  );
  console.log(
    `\n"${ACTION_OUTPUT}": node bench/lifecycle-action-output.mjs POLICY FILE ${now} > /dev/null (the action's lib/, built with the CLI).`,
  );
  console.log(
    "\nCPU time is user + system of the process (GNU time), the garbage collector's threads included: on a loaded machine it moves less than wall time.",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { quick: { type: "boolean", default: false }, against: { type: "string" } },
  });
  buildLinter();
  buildEcrActionLib();
  runLifecycleBenchmark({ quick: values.quick, against: values.against });
}
