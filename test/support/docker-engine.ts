// A private Docker engine (Debian's dockerd) on its own unix socket, with its own client config dir.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import {
  makeTempDir,
  registerCleanup,
  requireExecutable,
  requireRoot,
  startProcess,
  waitUntilReady,
} from "./processes.js";

export interface DockerEngine {
  /** unix:///.../docker.sock */
  host: string;
  /** The client's config dir (DOCKER_CONFIG); `docker login` writes config.json here. */
  configDir: string;
  /** process.env with DOCKER_HOST and DOCKER_CONFIG pointing at this engine. */
  env: NodeJS.ProcessEnv;
  /** Runs the docker CLI against this engine; resolves with stdout, rejects with stderr. */
  docker(args: string[], options?: { input?: string; cwd?: string }): Promise<string>;
  stop(): Promise<void>;
}

export async function startDockerEngine(): Promise<DockerEngine> {
  const dockerd = requireExecutable("dockerd", "Debian package docker.io");
  const dockerCli = requireExecutable("docker", "Debian package docker.io");
  requireRoot("run dockerd");

  const baseDir = makeTempDir("dockerd");
  const dataRoot = join(baseDir, "data");
  const socket = join(baseDir, "docker.sock");
  const configDir = join(baseDir, "client-config");
  mkdirSync(configDir);
  const host = `unix://${socket}`;

  // vfs: no overlay mounts needed; no iptables/bridge: we never run containers, only build and push.
  const engine = startProcess(
    "dockerd",
    dockerd,
    [
      "--storage-driver=vfs",
      "--iptables=false",
      "--bridge=none",
      `--data-root=${dataRoot}`,
      `--exec-root=${join(baseDir, "exec")}`,
      `--pidfile=${join(baseDir, "docker.pid")}`,
      `--host=${host}`,
    ],
    {
      // Go's own resolver caches /etc/hosts for 5 s, so a registry hosts line added just after the
      // engine started would not resolve yet; glibc's resolver (cgo) reads the file on every lookup.
      env: { ...process.env, GODEBUG: "netdns=cgo" },
    },
  );
  const cleanup = registerCleanup(() => {
    engine.killNow();
    // dockerd bind-mounts its data root onto itself; only a graceful stop undoes that.
    spawnSync("umount", ["--lazy", dataRoot], { stdio: "ignore" });
    rmSync(baseDir, { recursive: true, force: true });
  });

  try {
    await waitUntilReady(engine, () => pingSocket(socket), 60_000);
  } catch (error) {
    cleanup.run();
    throw error;
  }

  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: host, DOCKER_CONFIG: configDir };
  for (const inherited of ["DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_BUILDKIT"]) {
    delete env[inherited];
  }
  return {
    host,
    configDir,
    env,
    docker: (args, options = {}) => runDocker(dockerCli, args, env, options),
    async stop() {
      await engine.stop(20_000);
      cleanup.run();
    },
  };
}

function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: "/_ping", timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

function runDocker(
  dockerCli: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { input?: string; cwd?: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(dockerCli, args, { env, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`docker ${args[0]} failed (exit ${code}):\n${stderr}${stdout}`));
    });
    child.stdin.end(options.input ?? "");
  });
}
