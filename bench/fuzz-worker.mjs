// One fuzz child process (bench/fuzz.mjs): makes input `index`, runs it through every loader, and
// reports how long it took and how much memory it took; a thrown exception is a crash. A child
// process, not a worker thread: V8 ends the whole process on some out-of-memory failures (the
// regular-expression compiler's, for one), and that must end only this input's run.
//   argv: CORE_LIB_URL SEED
import { getHeapStatistics } from "node:v8";
import { makeInput } from "./fuzz-inputs.mjs";

const [lib, seedText] = process.argv.slice(2);
const seed = Number(seedText);
const { loadDocument, lintSources } = await import(lib);
const strict = { config: { preset: "strict" } };

process.on("message", ({ index }) => {
  const { kind, file, text } = makeInput(seed, index);
  process.send({ type: "start", index });
  const heapBefore = getHeapStatistics().used_heap_size;
  const rssBefore = process.memoryUsage.rss();
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
  const rssBytes = process.memoryUsage.rss() - rssBefore;
  const status = kept?.[0].status;
  process.send({ type: "done", index, kind, ms, heapBytes, rssBytes, length: text.length, status, error });
});
process.send({ type: "ready" });
