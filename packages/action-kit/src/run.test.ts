// run() routes one bundle to main or post by the state the main step saved, as the runner passes
// it back (STATE_isPost), and turns a thrown error into the step's failure.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "./run.js";

let stateFile: string;
const written: string[] = [];

beforeEach(() => {
  stateFile = join(mkdtempSync(join(tmpdir(), "action-kit-")), "state");
  writeFileSync(stateFile, "");
  vi.stubEnv("GITHUB_STATE", stateFile);
  vi.stubEnv("STATE_isPost", "");
  written.length = 0;
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("run", () => {
  it("runs main first and marks the state so the second run is post", async () => {
    const steps: string[] = [];
    await run(
      async () => void steps.push("main"),
      async () => void steps.push("post"),
    );
    expect(steps).toEqual(["main"]);
    expect(readFileSync(stateFile, "utf8")).toContain("isPost<<");

    vi.stubEnv("STATE_isPost", "true");
    await run(
      async () => void steps.push("main"),
      async () => void steps.push("post"),
    );
    expect(steps).toEqual(["main", "post"]);
  });

  it("fails the step with the error's message, and saves no state without a post step", async () => {
    await run(async () => {
      throw new Error("service web not found in cluster prod");
    });
    expect(process.exitCode).toBe(1);
    expect(written.join("")).toContain("::error::service web not found in cluster prod");
    expect(readFileSync(stateFile, "utf8")).toBe("");
  });
});
