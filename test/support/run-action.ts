import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** What the step saved with saveState, for its post step. */
  state: Record<string, string>;
  summary: string;
  /** The workflow commands it printed (`::error file=...::message`). */
  commands: string[];
  /** With cancelWhen: from SIGTERM to the process's exit; undefined when it was never sent. */
  cancelToExitMs?: number;
}

export interface ActionRunOptions {
  /** Input names as in action.yml; the runner upper-cases them and turns spaces into `_`. */
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  /** State from the main step, for the post step. */
  state?: Record<string, string>;
  cwd?: string;
  /** The node binary: GitHub runs actions on node24; defaults to this process's node. */
  node?: string;
  timeoutMs?: number;
  /** Sends SIGTERM (as the runner does on cancel) once stdout matches. */
  cancelWhen?: RegExp;
  /** The bundle to run; defaults to the repository's actions/<name>/dist/index.js. */
  entry?: string;
}

/**
 * Runs `actions/<name>/dist/index.js` the way the GitHub runner does: inputs as INPUT_*
 * variables, and GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY as files it reads back.
 */
export async function runAction(action: string, options: ActionRunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "shipshape-runner-"));
  const files = { output: join(dir, "output"), state: join(dir, "state"), summary: join(dir, "summary") };
  for (const file of Object.values(files)) writeFileSync(file, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    CI: "true",
    RUNNER_TEMP: dir,
    RUNNER_OS: "Linux",
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: options.cwd ?? repoRoot,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const entry = options.entry ?? join(repoRoot, "actions", action, "dist", "index.js");
  const child = spawn(options.node ?? process.execPath, [entry], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let cancelledAt: number | undefined;
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
    if (options.cancelWhen && cancelledAt === undefined && options.cancelWhen.test(stdout)) {
      cancelledAt = Date.now();
      child.kill("SIGTERM");
    }
  });
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  const exitCode = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  const exitedAt = Date.now();
  clearTimeout(timer);
  const run: ActionRun = {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommand(readFileSync(files.output, "utf8")),
    state: parseFileCommand(readFileSync(files.state, "utf8")),
    summary: readFileSync(files.summary, "utf8"),
    commands: stdout.split("\n").filter((line) => line.startsWith("::")),
    ...(cancelledAt !== undefined ? { cancelToExitMs: exitedAt - cancelledAt } : {}),
  };
  rmSync(dir, { recursive: true, force: true });
  return run;
}

/** The `name<<DELIMITER\nvalue\nDELIMITER` format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      values[name!] = value.join("\n");
    } else if (line.includes("=")) {
      const at = line.indexOf("=");
      values[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return values;
}
