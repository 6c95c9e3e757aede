// RegisterTaskDefinition over HTTP: the SDK must not retry it (each try may register a revision);
// the other calls keep the SDK's retries.
import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { failingEcsEndpoint } from "../test-support/failing-ecs-endpoint.js";
import { createEcsClient } from "./client.js";
import { registerIfChanged } from "./task-definition.js";

// Every call fails with a 500, as ECS does when it fails after (or before) doing the work.
const endpoint = failingEcsEndpoint(500, "ServerException", "injected");
const { calls } = endpoint;

describe("RegisterTaskDefinition is not retried by the SDK", () => {
  it("sends it once per attempt of ours, and looks for a revision in between", async () => {
    const ecs = createEcsClient({ region: "eu-west-1", endpoint: endpoint.url, maxAttempts: 2 });
    const rendered = { family: "web", containerDefinitions: [{ name: "app", image: "web:1", memory: 256 }] };
    await expect(registerIfChanged(ecs, rendered, undefined, { sleep: async () => {} })).rejects.toThrow(
      "could not check whether ECS registered task definition web",
    );
    // One RegisterTaskDefinition, then the look (ListTaskDefinitions, retried by the SDK), which fails too.
    expect(calls).toEqual(["RegisterTaskDefinition", "ListTaskDefinitions", "ListTaskDefinitions"]);
  });

  it("leaves the SDK's retries on other calls", async () => {
    const ecs = createEcsClient({ region: "eu-west-1", endpoint: endpoint.url, maxAttempts: 2 });
    await expect(ecs.send(new ListClustersCommand({}))).rejects.toThrow("injected");
    expect(calls).toEqual(["ListClusters", "ListClusters"]);
  });
});
