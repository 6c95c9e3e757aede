// A pass-through HTTP proxy in front of moto that rewrites chosen JSON answers, for what moto
// cannot be made to answer: a task whose container exited non-zero (moto's always exit 0).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** Rewrites the parsed answer of one operation in place, e.g. `AmazonEC2ContainerServiceV20141113.DescribeTasks`. */
export type AnswerRewrites = Record<string, (answer: Record<string, unknown>) => void | Promise<void>>;

export interface AnswerRewriter {
  endpoint: string;
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive"]);

export async function startAnswerRewriter(target: string, rewrites: AnswerRewrites): Promise<AnswerRewriter> {
  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      const headers = Object.fromEntries(
        Object.entries(request.headers).flatMap(([name, value]) =>
          HOP_BY_HOP.has(name) || value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]],
        ),
      );
      const answer = await fetch(`${target}${request.url ?? "/"}`, {
        method: request.method ?? "GET",
        headers,
        ...(request.method === "GET" || request.method === "HEAD" ? {} : { body }),
      });
      let text = await answer.text();
      const rewrite = rewrites[String(request.headers["x-amz-target"] ?? "")];
      if (rewrite && answer.ok) {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        await rewrite(parsed);
        text = JSON.stringify(parsed);
      }
      response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      response.end(text);
    } catch (error) {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}
