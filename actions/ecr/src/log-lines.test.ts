import { EOL } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logLines } from "./log-lines.js";

describe("logLines", () => {
  afterEach(() => vi.restoreAllMocks());

  function written(lines: Iterable<string>): string[] {
    const writes: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    logLines(lines);
    return writes;
  }

  it("writes what core.info would write line by line", () => {
    const lines = ["rule 1 expires 2 images:", "  sha256:0123456789ab [v1]: pushed 9 days ago", "", "keeps 0 images"];
    expect(written(lines).join("")).toBe(lines.map((line) => `${line}${EOL}`).join(""));
  });

  it("writes nothing for no lines", () => {
    expect(written([])).toEqual([]);
  });

  it("writes a large log in chunks of about a megabyte, lines whole", () => {
    const line = "x".repeat(99);
    const lines = Array.from({ length: 30_000 }, (_, index) => `${index} ${line}`);
    const writes = written(lines);
    expect(writes.join("")).toBe(lines.map((text) => `${text}${EOL}`).join(""));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThan(10);
    for (const write of writes) expect(write.endsWith(EOL)).toBe(true);
  });
});
