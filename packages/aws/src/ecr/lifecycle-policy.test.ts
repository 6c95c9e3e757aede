import {
  ECRClient,
  GetLifecyclePolicyCommand,
  LifecyclePolicyNotFoundException,
  PutLifecyclePolicyCommand,
} from "@aws-sdk/client-ecr";
import type { LifecyclePolicy } from "@shipshape/core";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { getLifecyclePolicy, putLifecyclePolicy } from "./lifecycle-policy.js";

const ecr = mockClient(ECRClient);
const client = new ECRClient({});
const policy: LifecyclePolicy = {
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 },
      action: { type: "expire" },
    },
  ],
};

beforeEach(() => ecr.reset());

describe("lifecycle policies", () => {
  it("puts the policy as JSON text", async () => {
    ecr.on(PutLifecyclePolicyCommand).resolves({});
    await putLifecyclePolicy(client, { repositoryName: "app", registryId: "111111111111" }, policy);
    const input = ecr.commandCalls(PutLifecyclePolicyCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ repositoryName: "app", registryId: "111111111111" });
    expect(JSON.parse(input.lifecyclePolicyText!)).toEqual(policy);
  });

  it("reads the policy back parsed", async () => {
    ecr.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: JSON.stringify(policy) });
    expect(await getLifecyclePolicy(client, { repositoryName: "app" })).toEqual(policy);
  });

  it("answers undefined for a repository without a policy", async () => {
    ecr.on(GetLifecyclePolicyCommand).rejects(new LifecyclePolicyNotFoundException({ message: "none", $metadata: {} }));
    expect(await getLifecyclePolicy(client, { repositoryName: "app" })).toBeUndefined();
  });
});
