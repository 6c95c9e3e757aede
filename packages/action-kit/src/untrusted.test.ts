import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { maskUrlCredentials, printUntrusted } from "./untrusted.js";

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

/** The lines the runner would take as workflow commands: those outside stop-commands blocks. */
function activeCommands(log: string): string[] {
  const active: string[] = [];
  let stopToken: string | undefined;
  for (const line of log.split("\n")) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1];
    else if (line.startsWith("::")) active.push(line);
  }
  return active;
}

describe("printUntrusted", () => {
  it("prints the text inside a stop-commands block, so no line of it is a command", () => {
    printUntrusted('+ containerDefinitions[app].dockerLabels.x\n::warning title=pwned::injected: "1"');
    const log = written.join("");
    expect(log).toContain("\n::warning title=pwned::injected");
    expect(activeCommands(log)).toEqual([]);
    expect(log.split("\n")[0]).toMatch(/^::stop-commands::shipshape-[0-9a-f-]{36}$/);
  });

  it("masks credentials in URLs", () => {
    printUntrusted("psql postgres://user:pass@db/app");
    expect(written.join("")).toContain("psql postgres://***@db/app");
    expect(maskUrlCredentials("https://example.com/a@b")).toBe("https://example.com/a@b");
  });
});
