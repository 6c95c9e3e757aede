// Measuring helpers shared by the benchmarks: run a command and time it from outside (wall time,
// peak resident memory through GNU time), medians, and markdown tables.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** GNU time reports a child's peak RSS (`%M`); Debian ships it in the package `time`. */
export function ensureGnuTime() {
  if (existsSync(GNU_TIME)) return true;
  console.log("bench: /usr/bin/time is missing; installing Debian's `time` package (apt-get install -y time)");
  spawnSync("apt-get", ["install", "-y", "-qq", "time"], { stdio: "inherit" });
  if (existsSync(GNU_TIME)) return true;
  console.log("bench: could not install /usr/bin/time: peak memory will show as n/a");
  return false;
}

/**
 * Runs `command args` once and returns { wallMs, peakKb, cpuMs, status, stdout, stderr } (cpuMs: user +
 * system time of the process and its children, from GNU time; stdout to /dev/null
 * with discardStdout). Wall time is
 * measured here around the whole process; peak memory is the child's maximum RSS from GNU time
 * (undefined when GNU time is not there).
 */
export function timedRun(
  command,
  args,
  { env, cwd, withPeakMemory = true, maxBuffer = 512 * 1024 * 1024, discardStdout = false } = {},
) {
  const useTime = withPeakMemory && existsSync(GNU_TIME);
  const scratch = useTime ? mkdtempSync(join(tmpdir(), "shipshape-bench-")) : undefined;
  const memoryFile = scratch && join(scratch, "peak-kb");
  const [file, argv] = useTime ? [GNU_TIME, ["-f", "%M %U %S", "-o", memoryFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const stdio = discardStdout ? ["ignore", "ignore", "pipe"] : "pipe";
  const result = spawnSync(file, argv, { env: env ?? process.env, cwd, encoding: "utf8", maxBuffer, stdio });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  let peakKb;
  let cpuMs;
  if (memoryFile && existsSync(memoryFile)) {
    const lines = readFileSync(memoryFile, "utf8").trim().split("\n");
    // GNU time puts "Command exited with non-zero status N" first
    const [kb, user, system] = (lines.at(-1) ?? "").split(" ").map(Number);
    peakKb = kb;
    cpuMs = (user + system) * 1000;
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (result.error) throw result.error;
  return { wallMs, peakKb, cpuMs, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const formatMs = (ms) =>
  Number.isNaN(ms) ? "n/a" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
export const formatKb = (kb) => (kb === undefined || Number.isNaN(kb) ? "n/a" : `${(kb / 1024).toFixed(0)} MB`);
export const formatBytes = (bytes) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} kB`;
export const formatRatio = (ratio) =>
  Number.isFinite(ratio) ? `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×` : "n/a";

/** A markdown table from a header row and rows of cells; `align` holds "l" or "r" per column. */
export function markdownTable(header, rows, align = header.map(() => "l")) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  const rule = align.map((a) => (a === "r" ? "---:" : "---"));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}
