import { describe, expect, it } from "vitest";
import { activeCommands, captureStdout } from "./test-support/index.js";
import { maskUrlCredentials, printUntrusted } from "./untrusted.js";

const written = captureStdout();

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
