import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeServicesCommand, ListClustersCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEcsClient } from "./ecs/client.js";

// A local endpoint that answers every call as ECS answers one for a cluster that does not exist.
let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(400, {
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-errortype": "ClusterNotFoundException",
    });
    response.end(JSON.stringify({ __type: "ClusterNotFoundException", message: "Cluster not found." }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Fake credentials, as the SDK signs every call before sending it.
const savedEnv = { ...process.env };
beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = "testing";
  process.env.AWS_SECRET_ACCESS_KEY = "testing";
});
afterAll(() => {
  process.env = savedEnv;
});

describe("failed calls name the service and operation", () => {
  it("on a service error, keeping the error's name", async () => {
    const ecs = createEcsClient({ region: "eu-west-1", endpoint, maxAttempts: 1 });
    const failure = await ecs
      .send(new DescribeServicesCommand({ cluster: "prod", services: ["web"] }))
      .catch((error) => error);
    expect(failure.name).toBe("ClusterNotFoundException");
    expect(failure.message).toBe("ECS DescribeServices: Cluster not found.");
  });

  it("on a network error, keeping its code", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const ecs = createEcsClient({ region: "eu-west-1", endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 });
    const failure = await ecs.send(new ListClustersCommand({})).catch((error) => error);
    expect(failure.code).toBe("ECONNREFUSED");
    expect(failure.message).toMatch(/^ECS ListClusters: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });
});
