import { describe, expect, it } from "vitest";
import { isHiddenValuePath, maskUrlCredentials, shortHash } from "./redact.js";

describe("maskUrlCredentials", () => {
  it.each([
    ["psql postgres://user:pass@db.internal/app", "psql postgres://***@db.internal/app"],
    ['{"url":"https://ci:s3cr3t@example.com/x"}', '{"url":"https://***@example.com/x"}'],
    [
      "mongodb+srv://admin:p%40ss@cluster0/db and redis://:only-password@cache:6379",
      "mongodb+srv://***@cluster0/db and redis://***@cache:6379",
    ],
    ["git clone https://ghp_abc123@github.com/o/r", "git clone https://***@github.com/o/r"],
    ["https://example.com/a@b and user@example.com", "https://example.com/a@b and user@example.com"],
  ])("%s", (text, masked) => {
    expect(maskUrlCredentials(text)).toBe(masked);
  });
});

describe("shortHash", () => {
  it("tells equal values from different ones in 8 hex digits", () => {
    expect(shortHash("a")).toMatch(/^sha256:[0-9a-f]{8}$/);
    expect(shortHash("a")).toBe(shortHash("a"));
    expect(shortHash("a")).not.toBe(shortHash("b"));
  });
});

describe("isHiddenValuePath", () => {
  it.each([
    ["containerDefinitions[app].environment[LOG_LEVEL].value", true],
    ["containerDefinitions[app].secrets[DB].valueFrom", true],
    ["containerDefinitions[app].command", true],
    ["containerDefinitions[app].entryPoint", true],
    ["containerDefinitions[app].healthCheck.command", true],
    ["containerDefinitions[app].dockerLabels.db.dsn", true],
    ["containerDefinitions[app].logConfiguration.options.awslogs-group", true],
    ["containerDefinitions[app].environment[LOG_LEVEL].name", false],
    ["containerDefinitions[app].image", false],
    ["containerDefinitions[app].logConfiguration.logDriver", false],
  ])("%s: %s", (path, hidden) => {
    expect(isHiddenValuePath(path)).toBe(hidden);
  });
});
