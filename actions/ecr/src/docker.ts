// The docker CLI steps. The password only ever goes to docker's stdin, never into argv.
import * as exec from "@actions/exec";

async function docker(args: string[], options: { input?: Buffer } = {}): Promise<string> {
  const result = await exec.getExecOutput("docker", args, { ...options, ignoreReturnCode: true });
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
export async function dockerPush(localImage: string, target: string): Promise<string> {
  await docker(["tag", localImage, target]);
  const output = await docker(["push", target]);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
  if (!digest) throw new Error(`docker push ${target} printed no digest`);
  return digest;
}
