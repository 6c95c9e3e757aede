// run() routes one bundle to main or post by the state the main step saved, as the runner passes
// it back (STATE_isPost), and turns a thrown error into the step's failure.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run, StepCancelled } from "./run.js";
import { captureStdout } from "./test-support/index.js";

let stateFile: string;
const written = captureStdout();

beforeEach(() => {
  stateFile = join(mkdtempSync(join(tmpdir(), "action-kit-")), "state");
  writeFileSync(stateFile, "");
  vi.stubEnv("GITHUB_STATE", stateFile);
  vi.stubEnv("STATE_isPost", "");
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

  it("aborts the step's signal on SIGTERM, and fails the step with what the step says", async () => {
    let seen: unknown;
    await run(
      (signal) =>
        new Promise<void>((_, reject) => {
          signal.addEventListener("abort", () => {
            seen = signal.reason;
            reject(new Error("cancelled while watching deployment ecs-svc/1"));
          });
          process.emit("SIGTERM", "SIGTERM");
        }),
    );
    expect(seen).toBeInstanceOf(StepCancelled);
    expect(String((seen as Error).message)).toBe("the step was cancelled (SIGTERM)");
    expect(process.exitCode).toBe(1);
    expect(written.join("")).toContain("::error::cancelled while watching deployment ecs-svc/1");
    expect(process.listenerCount("SIGTERM")).toBe(0);
  });

  it("fails a cancelled step that ends without an error", async () => {
    await run(async () => {
      process.emit("SIGINT", "SIGINT");
    });
    expect(process.exitCode).toBe(1);
    expect(written.join("")).toContain("::error::the step was cancelled (SIGINT)");
  });
});
