import { EOL } from "node:os";
import * as core from "@actions/core";

/** About a megabyte of log a write: a million lines make some 80 writes, not a million. */
const CHARACTERS_PER_WRITE = 1 << 20;

/**
 * Logs every line, as core.info(line) each would (the line and the end of line), in writes of
 * about a megabyte: the same log, without a write per line. The lines are read one at a time, so
 * a million of them are never held at once.
 */
export function logLines(lines: Iterable<string>): void {
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines) {
    chunk.push(line);
    size += line.length + EOL.length;
    if (size >= CHARACTERS_PER_WRITE) {
      core.info(chunk.join(EOL));
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) core.info(chunk.join(EOL));
}
