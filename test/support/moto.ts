// moto's server: fake AWS APIs (ECR, ECS) on a local HTTP port.
import { rmSync } from "node:fs";
import { findExecutable, freePort, makeTempDir, registerCleanup, startProcess, waitUntilReady } from "./processes.js";

export interface Moto {
  /** http://127.0.0.1:PORT, for the SDK's endpoint setting. */
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

function motoCommand(): { command: string; args: string[] } {
  const motoServer = findExecutable("moto_server");
  if (motoServer) return { command: motoServer, args: [] };
  const python = findExecutable("python3");
  if (python) return { command: python, args: ["-m", "moto.server"] };
  throw new Error('moto_server not found (pip package "moto[server]"); run `bash scripts/ensure-services.sh`');
}

export async function startMoto(): Promise<Moto> {
  const { command, args } = motoCommand();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // A scratch cwd, so nothing moto writes lands in the repository.
  const workDir = makeTempDir("moto");
  const server = startProcess("moto_server", command, [...args, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: workDir,
    env: { ...process.env, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
  });
  const cleanup = registerCleanup(() => {
    server.killNow();
    rmSync(workDir, { recursive: true, force: true });
  });

  try {
    await waitUntilReady(server, () => answersHttp(`${endpoint}/moto-api/`), 60_000);
  } catch (error) {
    cleanup.run();
    throw error;
  }
  return {
    endpoint,
    port,
    async stop() {
      await server.stop();
      cleanup.run();
    },
  };
}

async function answersHttp(url: string): Promise<boolean> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return true;
}
