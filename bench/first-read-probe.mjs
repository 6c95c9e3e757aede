// Preload for bench/startup.mjs: `node --import ./bench/first-read-probe.mjs BIN lint FILE`.
// At the first readFileSync of a path ending in SHIPSHAPE_PROBE_FILE, prints the time since the
// process started (performance.now()) and ends the process:   ::first-read:: <ms>
import fs, { writeSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { performance } from "node:perf_hooks";

// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by bench/startup.mjs for this probe only
const target = process.env.SHIPSHAPE_PROBE_FILE ?? "";
const realReadFileSync = fs.readFileSync;

fs.readFileSync = function probedReadFileSync(path, ...rest) {
  if (typeof path === "string" && target && path.endsWith(target)) {
    writeSync(1, `\n::first-read:: ${performance.now().toFixed(2)}\n`);
    process.exit(0);
  }
  return realReadFileSync.call(this, path, ...rest);
};
// The bundle imports readFileSync by name: make the ES module view see the wrapper.
syncBuiltinESMExports();
