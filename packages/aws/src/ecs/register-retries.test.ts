// RegisterTaskDefinition over HTTP: the SDK must not retry it (each try may register a revision);
// the other calls keep the SDK's retries.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEcsClient } from "./client.js";
import { registerIfChanged } from "./task-definition.js";

const calls: string[] = [];
let server: Server;
let endpoint: string;
beforeAll(async () => {
  // Every call fails with a 500, as ECS does when it fails after (or before) doing the work.
  server = createServer((request, response) => {
    calls.push(String(request.headers["x-amz-target"]).split(".")[1]!);
    request.resume();
    response.writeHead(500, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "ServerException" });
    response.end(JSON.stringify({ __type: "ServerException", message: "injected" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls.length = 0;
});

const savedEnv = { ...process.env };
beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = "testing";
  process.env.AWS_SECRET_ACCESS_KEY = "testing";
});
afterAll(() => {
  process.env = savedEnv;
});

describe("RegisterTaskDefinition is not retried by the SDK", () => {
  it("sends it once per attempt of ours, and looks for a revision in between", async () => {
    const ecs = createEcsClient({ region: "eu-west-1", endpoint, maxAttempts: 2 });
    const rendered = { family: "web", containerDefinitions: [{ name: "app", image: "web:1", memory: 256 }] };
    await expect(registerIfChanged(ecs, rendered, undefined, { sleep: async () => {} })).rejects.toThrow(
      "could not check whether ECS registered task definition web",
    );
    // One RegisterTaskDefinition, then the look (ListTaskDefinitions, retried by the SDK), which fails too.
    expect(calls).toEqual(["RegisterTaskDefinition", "ListTaskDefinitions", "ListTaskDefinitions"]);
  });

  it("leaves the SDK's retries on other calls", async () => {
    const ecs = createEcsClient({ region: "eu-west-1", endpoint, maxAttempts: 2 });
    await expect(ecs.send(new ListClustersCommand({}))).rejects.toThrow("injected");
    expect(calls).toEqual(["ListClusters", "ListClusters"]);
  });
});
