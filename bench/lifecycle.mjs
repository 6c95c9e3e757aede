// `shipshape lifecycle preview` on generated repositories of 100,000 and 1,000,000 images
// (bench/lifecycle-images.mjs), text and json, output to /dev/null: wall time and peak RSS of the
// whole process, medians. The describe-images files are kept in bench/.out/lifecycle between runs.
//   node bench/lifecycle.mjs [--quick]
import { existsSync, mkdirSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { writeDescribeImages } from "./lifecycle-images.mjs";
import { ensureGnuTime, formatKb, formatMs, markdownTable, median, timedRun } from "./measure.mjs";
import { buildLinter, repoRoot, shipshapeCli } from "./peers.mjs";

const outDir = `${repoRoot}bench/.out/lifecycle`;
const policy = `${repoRoot}policies/lifecycle/standard.json`;
/** The evaluation time: fixed, so that every run expires the same images. */
const now = "2026-12-01T00:00:00Z";

function imagesFile(count) {
  mkdirSync(outDir, { recursive: true });
  const file = `${outDir}/images-${count}.json`;
  if (!existsSync(file)) writeDescribeImages(file, count);
  return file;
}

export function runLifecycleBenchmark({ quick = false } = {}) {
  ensureGnuTime();
  const plan = quick
    ? [[100_000, 1]]
    : [
        [100_000, 3],
        [1_000_000, 1],
      ];
  const rows = [];
  for (const [count, runs] of plan) {
    const file = imagesFile(count);
    for (const format of ["text", "json"]) {
      const args = [
        shipshapeCli,
        "lifecycle",
        "preview",
        "--policy",
        policy,
        "--images",
        file,
        "--now",
        now,
        "--format",
        format,
      ];
      const samples = Array.from({ length: runs }, () => timedRun(process.execPath, args, { discardStdout: true }));
      const failed = samples.find((run) => run.status !== 0);
      rows.push([
        `${count.toLocaleString("en")} images`,
        `${(statSync(file).size / 1e6).toFixed(0)} MB`,
        format,
        String(runs),
        failed
          ? `exit ${failed.status}: ${failed.stderr.trim().split("\n").at(-1)}`
          : formatMs(median(samples.map((run) => run.wallMs))),
        formatKb(median(samples.map((run) => run.peakKb).filter((kb) => kb !== undefined))),
      ]);
    }
  }
  console.log(
    `shipshape lifecycle preview --policy policies/lifecycle/standard.json --images FILE --now ${now} --format F > /dev/null\n`,
  );
  console.log(
    markdownTable(["images", "describe-images file", "format", "runs", "median wall time", "median peak RSS"], rows, [
      "l",
      "r",
      "l",
      "r",
      "r",
      "r",
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
  buildLinter();
  runLifecycleBenchmark({ quick: values.quick });
}
