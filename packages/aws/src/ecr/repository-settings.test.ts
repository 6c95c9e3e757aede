import type { Repository } from "@aws-sdk/client-ecr";
import { describe, expect, it } from "vitest";
import { describeDrift, findRepositoryDrift, type RepositorySettings } from "./repository-settings.js";

const keyArn = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const repository: Repository = {
  repositoryName: "app",
  imageScanningConfiguration: { scanOnPush: true },
  imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
  imageTagMutabilityExclusionFilters: [
    { filterType: "WILDCARD", filter: "latest" },
    { filterType: "WILDCARD", filter: "dev-*" },
  ],
  encryptionConfiguration: { encryptionType: "KMS", kmsKey: keyArn },
};
const base: RepositorySettings = { repositoryName: "app" };

describe("findRepositoryDrift", () => {
  it.each<[string, Partial<RepositorySettings>]>([
    ["nothing asked", {}],
    ["the same scan setting", { scanOnPush: true }],
    [
      "the same exclusions in another order",
      { tagMutability: "IMMUTABLE_WITH_EXCLUSION", tagMutabilityExclusions: ["dev-*", "latest"] },
    ],
    ["the key by its ARN", { encryption: "KMS", kmsKey: keyArn }],
    ["the key by its id", { encryption: "KMS", kmsKey: "1234abcd-12ab-34cd-56ef-1234567890ab" }],
    ["the key by an alias (not resolvable here)", { encryption: "KMS", kmsKey: "alias/ecr" }],
    ["tags present, extra tags ignored", { tags: { team: "web" } }],
  ])("finds no drift for %s", (_name, asked) => {
    expect(findRepositoryDrift({ ...base, ...asked }, repository, { team: "web", owner: "x" })).toEqual([]);
  });

  it.each<
    [string, Partial<RepositorySettings>, { setting: string; expected: string; actual: string; fixable: boolean }]
  >([
    [
      "scan on push",
      { scanOnPush: false },
      { setting: "scanOnPush", expected: "false", actual: "true", fixable: true },
    ],
    [
      "mutability",
      { tagMutability: "IMMUTABLE" },
      { setting: "tagMutability", expected: "IMMUTABLE", actual: "IMMUTABLE_WITH_EXCLUSION", fixable: true },
    ],
    [
      "exclusion filters",
      { tagMutability: "IMMUTABLE_WITH_EXCLUSION", tagMutabilityExclusions: ["latest"] },
      { setting: "tagMutabilityExclusions", expected: "latest", actual: "dev-*, latest", fixable: true },
    ],
    [
      "encryption type",
      { encryption: "KMS_DSSE" },
      { setting: "encryption", expected: "KMS_DSSE", actual: "KMS", fixable: false },
    ],
    [
      "KMS key",
      { encryption: "KMS", kmsKey: "other-key" },
      { setting: "kmsKey", expected: "other-key", actual: keyArn, fixable: false },
    ],
    [
      "a tag value",
      { tags: { team: "api" } },
      { setting: "tags", expected: "team=api", actual: "team=web", fixable: true },
    ],
    [
      "a missing tag",
      { tags: { cost: "1" } },
      { setting: "tags", expected: "cost=1", actual: "cost=(missing)", fixable: true },
    ],
  ])("reports drift in %s", (_name, asked, drift) => {
    expect(findRepositoryDrift({ ...base, ...asked }, repository, { team: "web" })).toEqual([drift]);
  });

  it("reads ECR's defaults for a repository that never set them", () => {
    const bare: Repository = { repositoryName: "app" };
    const drift = findRepositoryDrift(
      { ...base, scanOnPush: true, tagMutability: "IMMUTABLE", encryption: "KMS" },
      bare,
      {},
    );
    expect(drift.map(describeDrift)).toEqual([
      "scanOnPush is false, expected true",
      "tagMutability is MUTABLE, expected IMMUTABLE",
      "encryption is AES256, expected KMS (ECR cannot change this on an existing repository)",
    ]);
  });
});
