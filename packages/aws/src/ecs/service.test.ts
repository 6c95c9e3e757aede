import {
  ClusterNotFoundException,
  DescribeServicesCommand,
  ECSClient,
  type Service,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import {
  describeService,
  effectiveDeploymentSettings,
  rollBackService,
  updateService,
  updateServiceInput,
} from "./service.js";

const ecs = mockClient(ECSClient);
const client = new ECSClient({ region: "us-east-1" });
const ref = { cluster: "prod", service: "web" };
const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;

const current: Service = {
  serviceName: "web",
  status: "ACTIVE",
  desiredCount: 3,
  taskDefinition: arn(4),
  deploymentConfiguration: {
    minimumHealthyPercent: 50,
    maximumPercent: 200,
    deploymentCircuitBreaker: { enable: false, rollback: false },
    alarms: { alarmNames: ["web-5xx"], enable: true, rollback: false },
  },
};

beforeEach(() => ecs.reset());

describe("updateServiceInput", () => {
  it("sets the task definition, count, percents, circuit breaker, alarms and a forced deployment", () => {
    expect(
      updateServiceInput(ref, current, arn(5), {
        desiredCount: 4,
        minimumHealthyPercent: 100,
        maximumPercent: 150,
        circuitBreaker: { enable: true, rollback: true },
        alarms: ["web-latency", "web-5xx"],
        forceNewDeployment: true,
      }),
    ).toEqual({
      cluster: "prod",
      service: "web",
      taskDefinition: arn(5),
      desiredCount: 4,
      deploymentConfiguration: {
        minimumHealthyPercent: 100,
        maximumPercent: 150,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms: { alarmNames: ["web-latency", "web-5xx"], enable: true, rollback: true },
      },
      forceNewDeployment: true,
    });
  });

  it("keeps what the deploy does not name: count, percents, alarms", () => {
    const input = updateServiceInput(ref, current, arn(5), { circuitBreaker: { enable: true, rollback: false } });
    expect(input).toEqual({
      cluster: "prod",
      service: "web",
      taskDefinition: arn(5),
      deploymentConfiguration: {
        ...current.deploymentConfiguration,
        deploymentCircuitBreaker: { enable: true, rollback: false },
      },
    });
  });

  it("refuses a desired count for a DAEMON service", () => {
    expect(() =>
      updateServiceInput(ref, { ...current, schedulingStrategy: "DAEMON" }, arn(5), { desiredCount: 2 }),
    ).toThrow('service "web" uses the DAEMON scheduling strategy: it has no desired count to set');
  });
});

describe("effectiveDeploymentSettings", () => {
  it("takes the inputs, then the service's values, then ECS's defaults", () => {
    expect(effectiveDeploymentSettings(current, { maximumPercent: 150 })).toEqual({
      desiredCount: 3,
      minimumHealthyPercent: 50,
      maximumPercent: 150,
    });
    expect(effectiveDeploymentSettings({}, {})).toEqual({
      desiredCount: 0,
      minimumHealthyPercent: 100,
      maximumPercent: 200,
    });
  });
});

describe("describeService", () => {
  it("returns the service", async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [current] });
    expect(await describeService(client, ref)).toEqual(current);
  });

  it.each<[string, () => void, string]>([
    [
      "a missing service",
      () => ecs.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: "web", reason: "MISSING" }] }),
      'service "web" was not found in cluster "prod" (MISSING)',
    ],
    [
      "a deleted service",
      () => ecs.on(DescribeServicesCommand).resolves({ services: [{ ...current, status: "INACTIVE" }] }),
      'service "web" was not found in cluster "prod"',
    ],
    [
      "a missing cluster",
      () =>
        ecs
          .on(DescribeServicesCommand)
          .rejects(new ClusterNotFoundException({ message: "Cluster not found.", $metadata: {} })),
      'cluster "prod" was not found',
    ],
    [
      "a CodeDeploy service",
      () =>
        ecs
          .on(DescribeServicesCommand)
          .resolves({ services: [{ ...current, deploymentController: { type: "CODE_DEPLOY" } }] }),
      'service "web" uses the CODE_DEPLOY deployment controller',
    ],
  ])("explains %s", async (_case, arrange, message) => {
    arrange();
    await expect(describeService(client, ref)).rejects.toThrow(message);
  });
});

describe("updateService and rollBackService", () => {
  const deployments = [
    { id: "ecs-svc/2", status: "PRIMARY", taskDefinition: arn(5) },
    { id: "ecs-svc/1", status: "ACTIVE", taskDefinition: arn(4) },
  ];

  it("returns the PRIMARY deployment the update started", async () => {
    ecs.on(UpdateServiceCommand).resolves({ service: { ...current, deployments } });
    const update = await updateService(client, updateServiceInput(ref, current, arn(5), {}));
    expect(update.deployment).toEqual(deployments[0]);
  });

  it("rolls back by pointing the service at the previous revision, nothing else", async () => {
    ecs.on(UpdateServiceCommand).resolves({ service: { ...current, deployments } });
    await rollBackService(client, ref, arn(4));
    expect(ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({
      cluster: "prod",
      service: "web",
      taskDefinition: arn(4),
    });
  });
});
