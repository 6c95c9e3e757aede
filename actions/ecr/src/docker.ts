// The docker CLI steps. The password only ever goes to docker's stdin, never into argv. A step
// cancelled while docker runs stops docker (SIGTERM, then SIGKILL) and waits for it to end, so
// nothing is pushed after the step has said what it pushed.
import { spawn } from "node:child_process";

/** How long docker gets to stop after SIGTERM before SIGKILL; inside run()'s cancel grace period. */
const STOP_GRACE_MS = 2_000;

async function docker(args: string[], options: { input?: Buffer; signal?: AbortSignal } = {}): Promise<string> {
  const { signal } = options;
  signal?.throwIfAborted();
  const result = await new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    // As @actions/exec prints it: the command line, then docker's own output as it comes.
    process.stdout.write(`[command]docker ${args.join(" ")}\n`);
    const child = spawn("docker", args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    };
    signal?.addEventListener("abort", stop, { once: true });
    child.once("error", (error) => {
      signal?.removeEventListener("abort", stop);
      reject(new Error(`docker ${args[0]} did not start: ${error.message}`));
    });
    child.once("close", (exitCode) => {
      signal?.removeEventListener("abort", stop);
      clearTimeout(killTimer);
      if (signal?.aborted) reject(signal.reason);
      else resolve({ exitCode, stdout, stderr });
    });
    // A docker that exits without reading its stdin (all but login) must not fail the write.
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
  if (result.exitCode !== 0) {
    const detail = (result.stderr || result.stdout).trim().split("\n").slice(-5).join("\n");
    throw new Error(`docker ${args[0]} failed (exit ${result.exitCode}): ${detail}`);
  }
  return result.stdout;
}

/** `docker login --username USER --password-stdin REGISTRY`, the password written to stdin. */
export async function dockerLogin(registry: string, username: string, password: string): Promise<void> {
  await docker(["login", "--username", username, "--password-stdin", registry], { input: Buffer.from(password) });
}

export async function dockerLogout(registry: string): Promise<void> {
  await docker(["logout", registry]);
}

/** Tags the local image as `target` and pushes it; returns the digest the registry reported. */
export async function dockerPush(localImage: string, target: string, signal?: AbortSignal): Promise<string> {
  await docker(["tag", localImage, target], signal ? { signal } : {});
  const output = await docker(["push", target], signal ? { signal } : {});
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
  if (!digest) throw new Error(`docker push ${target} printed no digest`);
  return digest;
}
