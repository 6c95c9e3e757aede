import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  endGroup,
  error,
  escapeData,
  escapeProperty,
  formatCommand,
  group,
  info,
  notice,
  setFailed,
  setSecret,
  startGroup,
  warning,
} from "./workflow-commands.js";

describe("escaping", () => {
  it.each([
    ["plain text", "plain text"],
    ["100%", "100%25"],
    ["%0A stays literal", "%250A stays literal"],
    ["two\nlines", "two%0Alines"],
    ["crlf\r\nend", "crlf%0D%0Aend"],
    ["a: b, c", "a: b, c"],
    ["::error::injected", "::error::injected"],
  ])("message %j -> %j", (value, escaped) => {
    expect(escapeData(value)).toBe(escaped);
  });

  it.each([
    ["task-definition.json", "task-definition.json"],
    ["C:\\infra\\web.yaml", "C%3A\\infra\\web.yaml"],
    ["a,b", "a%2Cb"],
    ["50%: half", "50%25%3A half"],
    ["line\nbreak\r", "line%0Abreak%0D"],
    ["title=x,file=y::z", "title=x%2Cfile=y%3A%3Az"],
  ])("property %j -> %j", (value, escaped) => {
    expect(escapeProperty(value)).toBe(escaped);
  });
});

describe("formatCommand", () => {
  it.each([
    ["add-mask", {}, "s3cret", "::add-mask::s3cret"],
    ["endgroup", {}, "", "::endgroup::"],
    ["error", { file: "a.json", line: 3, col: 7 }, "bad", "::error file=a.json,line=3,col=7::bad"],
    ["warning", { title: "rule: x, y", file: undefined, line: 0 }, "w", "::warning title=rule%3A x%2C y::w"],
    ["notice", { title: "" }, "100% done\nnext", "::notice::100%25 done%0Anext"],
  ])("%s %j %j", (command, properties, message, line) => {
    expect(formatCommand(command, properties, message)).toBe(line);
  });
});

describe("what the step prints", () => {
  let printed: string;
  beforeEach(() => {
    printed = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it("annotates with the runner's property names", () => {
    error("secret in environment", {
      title: "no-plaintext-secrets",
      file: "infra/task.json",
      startLine: 14,
      endLine: 15,
      startColumn: 9,
      endColumn: 30,
    });
    warning("two\nlines");
    notice("note", { title: "a,b" });
    expect(printed).toBe(
      [
        "::error title=no-plaintext-secrets,file=infra/task.json,line=14,endLine=15,col=9,endColumn=30::secret in environment",
        "::warning::two%0Alines",
        "::notice title=a%2Cb::note",
        "",
      ].join("\n"),
    );
  });

  it("masks, groups and logs", async () => {
    setSecret("pa%ss\nword");
    startGroup("plan");
    info("a line: as is, 100%");
    endGroup();
    expect(await group("inner", async () => 42)).toBe(42);
    await expect(
      group("failing", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(printed.split("\n")).toEqual([
      "::add-mask::pa%25ss%0Aword",
      "::group::plan",
      "a line: as is, 100%",
      "::endgroup::",
      "::group::inner",
      "::endgroup::",
      "::group::failing",
      "::endgroup::",
      "",
    ]);
  });

  it("fails the step: exit code 1 and an error", () => {
    setFailed("invalid inputs:\n- service is required");
    expect(process.exitCode).toBe(1);
    expect(printed).toBe("::error::invalid inputs:%0A- service is required\n");
  });
});
