import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appendSummary, formatKeyValue, getInput, getState, saveState, setOutput } from "./file-commands.js";

/** Reads GITHUB_OUTPUT / GITHUB_STATE back as the runner does: `name<<DELIMITER` ... `DELIMITER`. */
function readKeyValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heading = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!heading) continue;
    const [, name, delimiter] = heading;
    const value: string[] = [];
    for (i++; lines[i] !== delimiter; i++) value.push(lines[i]!);
    values[name!] = value.join("\n");
  }
  return values;
}

describe("inputs and state", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ["repository", "INPUT_REPOSITORY", "  team/web \n", "team/web"],
    ["task-definition", "INPUT_TASK-DEFINITION", "infra/task.json", "infra/task.json"],
    ["fail on", "INPUT_FAIL_ON", "warning", "warning"],
    ["not-given", "INPUT_OTHER", "x", ""],
  ])("getInput(%j) reads %s", (name, variable, value, expected) => {
    vi.stubEnv(variable, value);
    expect(getInput(name)).toBe(expected);
  });

  it("reads saved state untrimmed, and '' when nothing was saved", () => {
    vi.stubEnv("STATE_post", ' {"registries":[]} ');
    expect(getState("post")).toBe(' {"registries":[]} ');
    expect(getState("isPost")).toBe("");
  });
});

describe("formatKeyValue", () => {
  it("wraps the value between a heading and the delimiter", () => {
    expect(formatKeyValue("digest", "sha256:abc", "EOF_1")).toBe("digest<<EOF_1\nsha256:abc\nEOF_1\n");
    expect(formatKeyValue("multi", "a\nb\n", "EOF_1")).toBe("multi<<EOF_1\na\nb\n\nEOF_1\n");
  });

  it("takes a new random delimiter each time", () => {
    const delimiter = (text: string) => text.split("\n")[0]!.split("<<")[1];
    const first = delimiter(formatKeyValue("a", "1"));
    expect(first).toMatch(/^ghadelimiter_[0-9a-f-]{36}$/);
    expect(delimiter(formatKeyValue("a", "1"))).not.toBe(first);
  });

  it("refuses a name or value that holds the delimiter", () => {
    expect(() => formatKeyValue("a", "x\nEOF_1\ninjected=1", "EOF_1")).toThrow(/delimiter/);
    expect(() => formatKeyValue("aEOF_1", "x", "EOF_1")).toThrow(/delimiter/);
  });
});

describe("the runner's files", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "shipshape-runner-test-"));
    for (const [variable, file] of [
      ["GITHUB_OUTPUT", "output"],
      ["GITHUB_STATE", "state"],
      ["GITHUB_STEP_SUMMARY", "summary"],
    ] as const) {
      writeFileSync(join(dir, file), "");
      vi.stubEnv(variable, join(dir, file));
    }
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("appends outputs and state that the runner reads back, new lines and all", () => {
    setOutput("image-uri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2");
    setOutput("notes", "line one\nline two: 100%\r");
    saveState("post", JSON.stringify({ registries: ["a", "b"], logout: true }));
    expect(readKeyValues(readFileSync(join(dir, "output"), "utf8"))).toEqual({
      "image-uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2",
      notes: "line one\nline two: 100%\r",
    });
    expect(readKeyValues(readFileSync(join(dir, "state"), "utf8"))).toEqual({
      post: '{"registries":["a","b"],"logout":true}',
    });
  });

  it("appends to the job summary", () => {
    appendSummary("## one\n");
    appendSummary("<table></table>\n");
    expect(readFileSync(join(dir, "summary"), "utf8")).toBe("## one\n<table></table>\n");
  });

  it("says so when there is no summary file", () => {
    vi.stubEnv("GITHUB_STEP_SUMMARY", "");
    expect(() => appendSummary("x")).toThrow("GITHUB_STEP_SUMMARY is not set");
  });

  it("falls back to the old commands without the files (a local run)", () => {
    vi.stubEnv("GITHUB_OUTPUT", "");
    vi.stubEnv("GITHUB_STATE", "");
    let printed = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    setOutput("a,b", "x\ny");
    saveState("isPost", "true");
    expect(printed).toBe("::set-output name=a%2Cb::x%0Ay\n::save-state name=isPost::true\n");
  });
});
