// One fuzz worker (bench/fuzz.mjs): makes input `index`, runs it through every loader, and reports
// how long it took and how much heap it left in use; a thrown exception is a crash.
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { makeInput } from "./fuzz-inputs.mjs";

const { lib, seed } = workerData;
const { loadDocument, lintSources } = await import(lib);
const strict = { config: { preset: "strict" } };

parentPort.on("message", ({ index }) => {
  const { kind, file, text } = makeInput(seed, index);
  parentPort.postMessage({ type: "start", index });
  const heapBefore = getHeapStatistics().used_heap_size;
  const start = performance.now();
  let error;
  let kept;
  try {
    kept = [loadDocument(file, text), lintSources([{ file, text }], strict)];
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ""}` : String(thrown);
  }
  const ms = performance.now() - start;
  // measured while the results are still held
  const heapBytes = getHeapStatistics().used_heap_size - heapBefore;
  const status = kept?.[0].status;
  parentPort.postMessage({ type: "done", index, kind, ms, heapBytes, length: text.length, status, error });
});
parentPort.postMessage({ type: "ready" });
