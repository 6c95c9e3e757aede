import {
  ClusterNotFoundException,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListServicesCommand,
} from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { findImagesInUse } from "./images-in-use.js";

const ecs = mockClient(ECSClient);
const client = new ECSClient({});
const serviceArn = (n: number) => `arn:aws:ecs:us-east-1:111111111111:service/prod/svc-${n}`;
const taskDefinitionArn = (revision: number) => `arn:aws:ecs:us-east-1:111111111111:task-definition/web:${revision}`;
const repo = "111111111111.dkr.ecr.us-east-1.amazonaws.com/web";

beforeEach(() => ecs.reset());

describe("findImagesInUse", () => {
  it("walks every page of services, ten per DescribeServices, and each task definition once", async () => {
    const arns = Array.from({ length: 12 }, (_, n) => serviceArn(n));
    ecs
      .on(ListServicesCommand, { nextToken: undefined })
      .resolves({ serviceArns: arns.slice(0, 7), nextToken: "more" })
      .on(ListServicesCommand, { nextToken: "more" })
      .resolves({ serviceArns: arns.slice(7) });
    ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: input.services.map((arn) => ({
        serviceArn: arn,
        serviceName: arn.split("/").pop(),
        status: "ACTIVE",
        taskDefinition: taskDefinitionArn(2),
        // The first service is mid-rollout: revision 1 still runs.
        deployments:
          arn === serviceArn(0)
            ? [{ taskDefinition: taskDefinitionArn(2) }, { taskDefinition: taskDefinitionArn(1) }]
            : [],
      })),
    }));
    ecs.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => ({
      taskDefinition: {
        containerDefinitions: [
          { name: "app", image: `${repo}:rev-${input.taskDefinition.split(":").pop()}` },
          { name: "sidecar", image: "public.ecr.aws/aws-observability/aws-otel-collector:latest" },
        ],
      },
    }));

    const uses = await findImagesInUse(client, ["prod"]);
    expect(ecs.commandCalls(DescribeServicesCommand).map((call) => call.args[0].input.services?.length)).toEqual([
      10, 2,
    ]);
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand).map((call) => call.args[0].input.taskDefinition)).toEqual([
      taskDefinitionArn(2),
      taskDefinitionArn(1),
    ]);
    expect(uses).toHaveLength(12 * 2 + 2);
    expect(uses).toContainEqual({
      cluster: "prod",
      service: "svc-0",
      taskDefinition: taskDefinitionArn(1),
      container: "app",
      image: `${repo}:rev-1`,
    });
  });

  it("ignores services that are being deleted (INACTIVE)", async () => {
    ecs.on(ListServicesCommand).resolves({ serviceArns: [serviceArn(1)] });
    ecs
      .on(DescribeServicesCommand)
      .resolves({ services: [{ serviceName: "gone", status: "INACTIVE", taskDefinition: taskDefinitionArn(1) }] });
    expect(await findImagesInUse(client, ["prod"])).toEqual([]);
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(0);
  });

  it("names a cluster that does not exist", async () => {
    ecs.on(ListServicesCommand).rejects(new ClusterNotFoundException({ message: "Cluster not found.", $metadata: {} }));
    await expect(findImagesInUse(client, ["nope"])).rejects.toThrow("protect-clusters: ECS cluster nope not found");
  });
});
