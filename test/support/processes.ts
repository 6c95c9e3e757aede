// Plumbing shared by the service starters: finding binaries, port checks, long-running child
// processes with captured output, polling, and cleanup that also runs if the test process dies.
import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const INSTALL_HINT = "run `bash scripts/ensure-services.sh` (as root) to install it";

/** Absolute path of an executable, looking in PATH and in the sbin dirs a minimal PATH may lack. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/local/sbin", "/usr/sbin", "/sbin"];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** Like findExecutable, but throws an Error naming the missing binary and where it comes from. */
export function requireExecutable(name: string, providedBy: string): string {
  const path = findExecutable(name);
  if (!path) throw new Error(`${name} not found (it comes from ${providedBy}); ${INSTALL_HINT}`);
  return path;
}

export function requireRoot(why: string): void {
  if (process.getuid?.() !== 0) throw new Error(`must run as root to ${why}`);
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shipshape-${prefix}-`));
}

/** Throws if something already listens on 127.0.0.1:port (binding it briefly to find out). */
export function assertPortFree(port: number, hint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(new Error(`cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); ${hint}`));
    });
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

// ---- cleanup on exit -------------------------------------------------------------------------

const pendingCleanups = new Set<() => void>();
let exitHandlersInstalled = false;

function runPendingCleanups(): void {
  for (const cleanup of [...pendingCleanups]) {
    pendingCleanups.delete(cleanup);
    try {
      cleanup();
    } catch {}
  }
}

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.once("exit", runPendingCleanups);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      runPendingCleanups();
      // Our listener replaced the default "die on signal"; restore it unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

export interface Cleanup {
  /** Runs the cleanup now (at most once) and forgets it. */
  run(): void;
}

/**
 * Registers a synchronous cleanup that runs when the test process exits or is signalled, unless
 * run() ran it first. Synchronous because "exit" listeners cannot wait.
 */
export function registerCleanup(cleanup: () => void): Cleanup {
  installExitHandlers();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    pendingCleanups.delete(once);
    cleanup();
  };
  pendingCleanups.add(once);
  return { run: once };
}

// ---- long-running child processes ------------------------------------------------------------

const OUTPUT_TAIL_CHARS = 20_000;

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last few kilobytes of stdout and stderr, interleaved. */
  output(): string;
  hasExited(): boolean;
  /** SIGKILLs the process group right away (safe to call from an exit handler). */
  killNow(): void;
  /** SIGTERM, then SIGKILL if the process has not exited after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): ServiceProcess {
  // detached: own process group, so killing -pid also reaches helpers the service forks.
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const append = (chunk: Buffer | string) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      append(`\n[${name} exited: ${signal ?? `code ${code}`}]\n`);
      resolve();
    });
    child.once("error", (error) => {
      exited = true;
      append(`\n[${name} failed to start: ${error.message}]\n`);
      resolve();
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };

  return {
    name,
    child,
    output: () => output,
    hasExited: () => exited,
    killNow: () => signalGroup("SIGKILL"),
    async stop(graceMs = 10_000) {
      signalGroup("SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(resolve, graceMs, "timeout").unref());
      if ((await Promise.race([exitedPromise, timeout])) === "timeout") {
        signalGroup("SIGKILL");
        await exitedPromise;
      }
    },
  };
}

/**
 * Polls isReady until it returns true. Fails early, with the service's output, if the process
 * exits, and after timeoutMs otherwise.
 */
export async function waitUntilReady(
  service: ServiceProcess,
  isReady: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isReady().catch(() => false)) return;
    if (service.hasExited()) {
      throw new Error(`${service.name} exited before it was ready; its output:\n${service.output()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${service.name} not ready after ${timeoutMs} ms; its output:\n${service.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
