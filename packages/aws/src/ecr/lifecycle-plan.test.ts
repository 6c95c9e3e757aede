import { DescribeImagesCommand, ECRClient, PutLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListServicesCommand,
} from "@aws-sdk/client-ecs";
import type { LifecyclePolicy } from "@shipshape/core";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { applyLifecyclePolicy, planLifecyclePolicy } from "./lifecycle-plan.js";

const ecrMock = mockClient(ECRClient);
const ecsMock = mockClient(ECSClient);
const repositoryUri = "111111111111.dkr.ecr.us-east-1.amazonaws.com/web";
const digest = (n: number) => `sha256:${String(n).repeat(64)}`;
const keepNewest: LifecyclePolicy = {
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: "tagged", tagPatternList: ["v*"], countType: "imageCountMoreThan", countNumber: 1 },
      action: { type: "expire" },
    },
  ],
};
const request = (protectClusters: string[]) => ({
  ecr: new ECRClient({}),
  ecs: new ECSClient({}),
  repositoryName: "web",
  repositoryUri,
  policy: keepNewest,
  protectClusters,
  now: new Date("2025-03-01T00:00:00Z"),
});

beforeEach(() => {
  ecrMock.reset();
  ecsMock.reset();
  ecrMock.on(DescribeImagesCommand).resolves({
    imageDetails: [
      { imageDigest: digest(1), imageTags: ["v1"], imagePushedAt: new Date("2025-01-01T00:00:00Z") },
      { imageDigest: digest(2), imageTags: ["v2"], imagePushedAt: new Date("2025-01-02T00:00:00Z") },
    ],
  });
  ecsMock.on(ListServicesCommand).resolves({ serviceArns: ["arn:aws:ecs:us-east-1:111111111111:service/prod/web"] });
  ecsMock
    .on(DescribeServicesCommand)
    .resolves({ services: [{ serviceName: "web", status: "ACTIVE", taskDefinition: "web:7" }] });
  ecsMock
    .on(DescribeTaskDefinitionCommand)
    .resolves({ taskDefinition: { containerDefinitions: [{ name: "app", image: `${repositoryUri}:v1` }] } });
});

describe("planLifecyclePolicy", () => {
  it("evaluates the policy on the repository's images without protection", async () => {
    const plan = await planLifecyclePolicy(request([]));
    const { columns, rules, expiredCount, kept } = plan.evaluation;
    expect(Array.from(columns.digests)).toEqual([digest(1), digest(2)]);
    expect(Array.from(rules[0]?.acted ?? [], (index) => columns.digests[index])).toEqual([digest(1)]);
    expect(expiredCount).toBe(1);
    expect(Array.from(kept, (index) => columns.digests[index])).toEqual([digest(2)]);
    expect(plan.conflicts).toEqual([]);
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(0);
  });

  it("flags the expired image a service of a protected cluster uses", async () => {
    const plan = await planLifecyclePolicy(request(["prod"]));
    expect(plan.conflicts).toMatchObject([
      { imageDigest: digest(1), rulePriority: 1, usedBy: [{ service: "web", cluster: "prod" }] },
    ]);
  });
});

describe("applyLifecyclePolicy", () => {
  it("refuses a policy that would expire a protected image", async () => {
    const result = await applyLifecyclePolicy(request(["prod"]));
    expect(result.applied).toBe(false);
    expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0);
  });

  it("puts a policy that expires nothing protected", async () => {
    ecsMock
      .on(DescribeTaskDefinitionCommand)
      .resolves({ taskDefinition: { containerDefinitions: [{ name: "app", image: `${repositoryUri}:v2` }] } });
    ecrMock.on(PutLifecyclePolicyCommand).resolves({});
    const result = await applyLifecyclePolicy(request(["prod"]));
    expect(result.applied).toBe(true);
    expect(JSON.parse(ecrMock.commandCalls(PutLifecyclePolicyCommand)[0]!.args[0].input.lifecyclePolicyText!)).toEqual(
      keepNewest,
    );
  });
});
