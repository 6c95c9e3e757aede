import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  ListTagsForResourceCommand,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  TagResourceCommand,
} from "@aws-sdk/client-ecr";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureRepository } from "./repository.js";

const ecr = mockClient(ECRClient);
const client = new ECRClient({});
const notFound = new RepositoryNotFoundException({
  message: "The repository with name 'app' does not exist",
  $metadata: {},
});
const repository = {
  repositoryName: "app",
  registryId: "111111111111",
  repositoryArn: "arn:aws:ecr:us-east-1:111111111111:repository/app",
  repositoryUri: "111111111111.dkr.ecr.us-east-1.amazonaws.com/app",
};

beforeEach(() => ecr.reset());

describe("ensureRepository", () => {
  it("creates a missing repository with every setting asked for", async () => {
    ecr.on(DescribeRepositoriesCommand).rejects(notFound);
    ecr.on(CreateRepositoryCommand).resolves({ repository });
    const result = await ensureRepository(
      client,
      {
        repositoryName: "app",
        registryId: "111111111111",
        scanOnPush: true,
        tagMutability: "IMMUTABLE_WITH_EXCLUSION",
        tagMutabilityExclusions: ["latest", "dev-*"],
        encryption: "KMS_DSSE",
        kmsKey: "alias/ecr",
        tags: { team: "web" },
      },
      { create: true },
    );
    expect(result).toEqual({ ...repository, created: true, drift: [], updated: [] });
    expect(ecr.commandCalls(CreateRepositoryCommand)[0]!.args[0].input).toEqual({
      repositoryName: "app",
      registryId: "111111111111",
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
      imageTagMutabilityExclusionFilters: [
        { filterType: "WILDCARD", filter: "latest" },
        { filterType: "WILDCARD", filter: "dev-*" },
      ],
      encryptionConfiguration: { encryptionType: "KMS_DSSE", kmsKey: "alias/ecr" },
      tags: [{ Key: "team", Value: "web" }],
    });
  });

  it("refuses a missing repository unless asked to create it", async () => {
    ecr.on(DescribeRepositoriesCommand).rejects(notFound);
    await expect(ensureRepository(client, { repositoryName: "app" }, { create: false })).rejects.toThrow(
      "repository app does not exist in the default registry; set create-repository: true to create it",
    );
    expect(ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
  });

  it("uses the repository another job created meanwhile", async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .rejectsOnce(notFound)
      .resolves({ repositories: [repository] });
    ecr.on(CreateRepositoryCommand).rejects(new RepositoryAlreadyExistsException({ message: "exists", $metadata: {} }));
    const result = await ensureRepository(client, { repositoryName: "app" }, { create: true });
    expect(result).toMatchObject({ repositoryUri: repository.repositoryUri, created: true });
  });

  describe("on an existing repository", () => {
    const settings = {
      repositoryName: "app",
      scanOnPush: true,
      tagMutability: "IMMUTABLE" as const,
      encryption: "KMS" as const,
      tags: { team: "web" },
    };
    beforeEach(() => {
      ecr.on(DescribeRepositoriesCommand).resolves({
        repositories: [
          { ...repository, imageScanningConfiguration: { scanOnPush: false }, imageTagMutability: "MUTABLE" },
        ],
      });
      ecr.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: "team", Value: "api" }] });
    });

    it("reports drift and changes nothing", async () => {
      const result = await ensureRepository(client, settings, { create: true });
      expect(result.created).toBe(false);
      expect(result.drift.map((drift) => drift.setting)).toEqual(["scanOnPush", "tagMutability", "encryption", "tags"]);
      expect(result.updated).toEqual([]);
      // Only reads: no create, no Put*, no TagResource.
      expect(ecr.calls().map((call) => call.args[0].constructor.name)).toEqual([
        "DescribeRepositoriesCommand",
        "ListTagsForResourceCommand",
      ]);
    });

    it("changes what ECR can change when asked, and still reports encryption", async () => {
      const result = await ensureRepository(client, settings, { create: true, update: true });
      expect(result.updated.map((drift) => drift.setting)).toEqual(["scanOnPush", "tagMutability", "tags"]);
      expect(result.drift.map((drift) => drift.setting)).toEqual(["encryption"]);
      expect(ecr.commandCalls(PutImageScanningConfigurationCommand)[0]!.args[0].input).toMatchObject({
        imageScanningConfiguration: { scanOnPush: true },
      });
      expect(ecr.commandCalls(PutImageTagMutabilityCommand)[0]!.args[0].input).toMatchObject({
        imageTagMutability: "IMMUTABLE",
      });
      expect(ecr.commandCalls(TagResourceCommand)[0]!.args[0].input).toEqual({
        resourceArn: repository.repositoryArn,
        tags: [{ Key: "team", Value: "web" }],
      });
    });
  });
});
