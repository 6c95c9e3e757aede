import { afterEach, beforeEach, vi } from "vitest";

/** Registers hooks that keep what each test writes to stdout (the workflow commands) in the returned array. */
export function captureStdout(): string[] {
  const written: string[] = [];
  beforeEach(() => {
    written.length = 0;
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return written;
}
