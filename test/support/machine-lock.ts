// A lock that processes on the same machine share, so two copies of the suite (another clone,
// another run) take turns on what only one can hold at a time (port 443 and /etc/hosts for the
// registry). The kernel's flock(2) through util-linux's flock(1): the lock lives as long as a small
// holder process whose stdin is a pipe from us, and ends when we release it or when this process
// dies in any way (SIGKILL included), so there is never a stale lock to take over. An O_EXCL pid file
// had two faults: a takeover race (two waiters both removing a dead owner's file) and a path under
// os.tmpdir(), which differs between copies run with different TMPDIR values.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { requireExecutable } from "./processes.js";

/** Fixed, not os.tmpdir(): every copy on the machine must name the same file. */
const LOCK_DIR = "/tmp";

export interface MachineLock {
  release(): void;
}

export function machineLockPath(name: string): string {
  return join(LOCK_DIR, `shipshape-${name}.flock`);
}

/** Waits (up to timeoutMs) until this process holds the lock named `name`. */
export function acquireMachineLock(name: string, timeoutMs: number): Promise<MachineLock> {
  const flock = requireExecutable("flock", "Debian package util-linux");
  const path = machineLockPath(name);
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  // --close: the command does not inherit the lock, so only flock itself holds it.
  const holder = spawn(
    flock,
    ["--exclusive", "--close", "--timeout", seconds, path, "sh", "-c", "echo held; exec cat"],
    {
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let stderr = "";
    holder.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    holder.once("error", reject);
    holder.once("exit", (code) => {
      reject(new Error(`${path}: not acquired within ${seconds} s (flock exit ${code}) ${stderr}`.trim()));
    });
    holder.stdout.once("data", () => {
      holder.removeAllListeners("exit");
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        process.removeListener("exit", release);
        holder.stdin.end();
        holder.kill("SIGKILL");
      };
      process.once("exit", release);
      // The holder must not keep this process alive; a dying process releases it anyway.
      holder.unref();
      for (const stream of [holder.stdin, holder.stdout, holder.stderr]) {
        (stream as unknown as { unref?: () => void }).unref?.();
      }
      resolve({ release });
    });
  });
}
