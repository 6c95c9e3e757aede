import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeServicesCommand, ListClustersCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { createEcsClient } from "./ecs/client.js";
import { failingEcsEndpoint } from "./test-support/failing-ecs-endpoint.js";

// Every call fails as ECS answers one for a cluster that does not exist.
const endpoint = failingEcsEndpoint(400, "ClusterNotFoundException", "Cluster not found.");

describe("failed calls name the service and operation", () => {
  it("on a service error, keeping the error's name", async () => {
    const ecs = createEcsClient({ region: "eu-west-1", endpoint: endpoint.url, maxAttempts: 1 });
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
