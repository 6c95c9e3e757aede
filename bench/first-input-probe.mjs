// Preload for bench/actions.mjs: `node --import ./bench/first-input-probe.mjs dist/index.js`.
// Wraps process.env so that the first read of an INPUT_* variable (what @actions/core's getInput
// does) prints the time since the process started (performance.now(), whose origin is the process
// start) and the CPU time the process has used by then (process.cpuUsage(), user and system, all
// threads), and ends the process at once. On a loaded machine the CPU time moves much less than
// the wall time. A bundle that exits without reading an input prints that instead. The line goes
// to stdout, after whatever the bundle printed:
//   ::first-input:: <ms> <variable> <cpu ms>      or      ::no-input:: <ms> <exit code>
import { writeSync } from "node:fs";
import { performance } from "node:perf_hooks";

const realEnv = process.env;
let reported = false;

function reportOnce(line) {
  if (reported) return;
  reported = true;
  writeSync(1, `\n${line}\n`);
}

const isInput = (key) => typeof key === "string" && key.startsWith("INPUT_");

function firstInputRead(key) {
  const now = performance.now();
  const { user, system } = process.cpuUsage();
  reportOnce(`::first-input:: ${now.toFixed(2)} ${key} ${((user + system) / 1000).toFixed(2)}`);
  process.exit(0); // nothing of the action runs after its first input
}

process.env = new Proxy(realEnv, {
  get(target, key, receiver) {
    if (isInput(key)) firstInputRead(key);
    return Reflect.get(target, key, receiver);
  },
  has(target, key) {
    if (isInput(key)) firstInputRead(key);
    return Reflect.has(target, key);
  },
});

process.on("exit", (code) => reportOnce(`::no-input:: ${performance.now().toFixed(2)} ${code}`));
