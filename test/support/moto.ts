// moto's server: fake AWS APIs (ECR, ECS) on a local HTTP port.
import { rmSync } from "node:fs";
import { findExecutable, makeTempDir, registerCleanup, startProcess, waitUntilReady } from "./processes.js";

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
  // A scratch cwd, so nothing moto writes lands in the repository.
  const workDir = makeTempDir("moto");
  // Port 0: the kernel picks a free port as moto binds it, and moto prints it. A port chosen here
  // and handed over could be taken meanwhile by another copy of the suite, whose moto would then
  // answer our readiness probe while ours failed to start.
  const server = startProcess("moto_server", command, [...args, "-H", "127.0.0.1", "-p", "0"], {
    cwd: workDir,
    env: { ...process.env, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
  });
  const cleanup = registerCleanup(() => {
    server.killNow();
    rmSync(workDir, { recursive: true, force: true });
  });

  let port = 0;
  try {
    await waitUntilReady(
      server,
      async () => {
        port ||= listeningPort(server.output());
        return port > 0 && !server.hasExited() && (await answersHttp(`http://127.0.0.1:${port}/moto-api/`));
      },
      60_000,
    );
  } catch (error) {
    cleanup.run();
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await server.stop();
      cleanup.run();
    },
  };
}

/** The port in werkzeug's " * Running on http://127.0.0.1:PORT" line, or 0 before it is printed. */
export function listeningPort(output: string): number {
  const match = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
  return match ? Number(match[1]) : 0;
}

async function answersHttp(url: string): Promise<boolean> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return true;
}
