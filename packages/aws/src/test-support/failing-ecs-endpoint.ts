import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface FailingEndpoint {
  /** http://127.0.0.1:<port>, set once the file's beforeAll has run. */
  url: string;
  /** The operations called since the test began (from x-amz-target), in order. */
  calls: string[];
}

/**
 * Registers, for the calling test file, a local endpoint that fails every ECS call with `status`
 * and the JSON error `type` (as ECS's JSON protocol sends one), and fake credentials, as the SDK
 * signs every call before sending it.
 */
export function failingEcsEndpoint(status: number, type: string, message: string): FailingEndpoint {
  const endpoint: FailingEndpoint = { url: "", calls: [] };
  let server: Server;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = "testing";
    process.env.AWS_SECRET_ACCESS_KEY = "testing";
    server = createServer((request, response) => {
      endpoint.calls.push(String(request.headers["x-amz-target"]).split(".")[1]!);
      request.resume();
      response.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": type });
      response.end(JSON.stringify({ __type: type, message }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    endpoint.calls.length = 0;
  });
  afterAll(async () => {
    process.env = savedEnv;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return endpoint;
}
