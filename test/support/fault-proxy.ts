// A proxy in front of moto that answers chosen AWS operations with faults: throttling, server
// errors (before or after moto processed the call), AccessDenied, ExpiredToken, delays, requests
// that are never answered, and connection resets. The operation is read from X-Amz-Target, which
// ECS and ECR (JSON protocols) send with every call; anything else passes through.
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type FaultKind =
  | "throttle"
  /** 500 without calling moto. */
  | "server-error"
  /** moto processes the call, then the client gets a 500: what makes a retried call run twice. */
  | "server-error-after"
  | "access-denied"
  | "expired-token"
  /** Answered after `delayMs`. */
  | "delay"
  /** Never answered; the connection stays open. */
  | "hang"
  /** The connection is reset (TCP RST) before any answer. */
  | "reset";

export interface Fault {
  kind: FaultKind;
  /** The first N calls of the operation get the fault, the rest pass; every call when not set. */
  times?: number;
  /** Calls that pass before the fault starts (e.g. 1: the service is read once, then never again). */
  skip?: number;
  delayMs?: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT, for AWS_ENDPOINT_URL. */
  endpoint: string;
  /** Faults for an operation ("DescribeServices"), replacing earlier ones for it. */
  inject(operation: string, fault: Fault): void;
  /** No faults, call counts back to zero. */
  reset(): void;
  /** How many calls of the operation arrived since the last reset, faulted or not. */
  calls(operation: string): number;
  stop(): Promise<void>;
}

const ERRORS: Record<string, { status: number; type: string; message: string }> = {
  throttle: { status: 400, type: "ThrottlingException", message: "Rate exceeded" },
  "server-error": { status: 500, type: "ServerException", message: "injected server error" },
  "server-error-after": { status: 500, type: "ServerException", message: "injected server error" },
  "access-denied": {
    status: 400,
    type: "AccessDeniedException",
    message: "User: arn:aws:sts::123456789012:assumed-role/deploy/ci is not authorized to perform this action",
  },
  "expired-token": {
    status: 400,
    type: "ExpiredTokenException",
    message: "The security token included in the request is expired",
  },
};

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const faults = new Map<string, Fault & { used: number }>();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = String(req.headers["x-amz-target"] ?? "");
    const operation = target.slice(target.indexOf(".") + 1);
    if (operation) counts.set(operation, (counts.get(operation) ?? 0) + 1);
    const fault = operation ? faults.get(operation) : undefined;
    if (fault && (fault.skip ?? 0) > 0) {
      fault.skip!--;
      return forward(req, body, res);
    }
    const active = fault && (fault.times === undefined || fault.used < fault.times);
    if (!fault || !active) return forward(req, body, res);
    fault.used++;
    switch (fault.kind) {
      case "hang":
        return;
      case "reset":
        req.socket.resetAndDestroy();
        return;
      case "delay":
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2_000));
        return forward(req, body, res);
      case "server-error-after":
        await forward(req, body, undefined);
        return answerError(res, fault.kind);
      default:
        return answerError(res, fault.kind);
    }
  }

  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse | undefined): Promise<void> {
    return new Promise((resolve) => {
      const call = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            res?.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
            resolve();
          });
        },
      );
      call.on("error", (error) => {
        res?.writeHead(502).end(String(error));
        resolve();
      });
      call.end(body);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    inject(operation, fault) {
      faults.set(operation, { ...fault, used: 0 });
    },
    reset() {
      faults.clear();
      counts.clear();
    },
    calls: (operation) => counts.get(operation) ?? 0,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function answerError(res: ServerResponse, kind: string): void {
  const error = ERRORS[kind]!;
  const body = JSON.stringify({ __type: error.type, message: error.message });
  res
    .writeHead(error.status, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": error.type })
    .end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
