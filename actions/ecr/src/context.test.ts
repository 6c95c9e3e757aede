import { describe, expect, it } from "vitest";
import { parseInputs } from "./context.js";

const env = { AWS_REGION: "eu-west-1", GITHUB_WORKSPACE: "/work/repo" };
const parse = (inputs: Record<string, string>, environment: NodeJS.ProcessEnv = env) =>
  parseInputs((name) => (inputs[name] ?? "").trim(), environment);

describe("parseInputs", () => {
  it("reads the defaults for a login-only step", () => {
    expect(parse({})).toEqual({
      region: "eu-west-1",
      registryType: "private",
      registries: [],
      login: true,
      repository: "",
      createRepository: false,
      updateRepository: false,
      scanOnPush: true,
      tagMutability: "MUTABLE",
      tagMutabilityExclusions: [],
      encryption: "AES256",
      kmsKey: "",
      repositoryTags: {},
      image: "",
      tags: [],
      sourceTag: "",
      lifecyclePolicy: undefined,
      lifecycleMode: "preview",
      protectClusters: [],
      maskPassword: true,
      outputCredentials: false,
      credentialsPerRegistry: false,
      logout: true,
      httpProxy: "",
    });
  });

  it.each<[Record<string, string>, Partial<Record<string, unknown>>]>([
    [{ "skip-logout": "true" }, { logout: false }],
    [{ "mask-password": "false" }, { maskPassword: false, credentialsPerRegistry: true }],
    [{ "output-credentials": "true" }, { credentialsPerRegistry: true }],
    [{ "http-proxy": "http://proxy.internal:3128" }, { httpProxy: "http://proxy.internal:3128" }],
  ])("reads amazon-ecr-login's %o", (given, expected) => {
    expect(parse(given)).toMatchObject(expected);
  });

  it("reads lists, tags, booleans and enums in the forms people write them", () => {
    const inputs = parse({
      registries: "111111111111, 222222222222\n333333333333",
      repository: "team/web",
      "create-repository": "True",
      "tag-mutability": "immutable_with_exclusion",
      "tag-mutability-exclusions": "latest\ndev-*",
      encryption: "kms_dsse",
      "kms-key": "alias/ecr",
      "repository-tags": "team=web\ncost-center = 42",
      image: "app:build",
      tags: "v1.2.0\n  latest  \n",
      "protect-clusters": "prod,staging",
      "lifecycle-policy": "policies/ecr.json",
      "lifecycle-mode": "APPLY",
    });
    expect(inputs).toMatchObject({
      registries: ["111111111111", "222222222222", "333333333333"],
      createRepository: true,
      tagMutability: "IMMUTABLE_WITH_EXCLUSION",
      tagMutabilityExclusions: ["latest", "dev-*"],
      encryption: "KMS_DSSE",
      repositoryTags: { team: "web", "cost-center": "42" },
      tags: ["v1.2.0", "latest"],
      protectClusters: ["prod", "staging"],
      lifecyclePolicy: { kind: "file", path: "/work/repo/policies/ecr.json" },
      lifecycleMode: "apply",
    });
  });

  it.each([
    ["preset:standard", { kind: "preset", name: "standard" }],
    ["/work/repo/policy.json", { kind: "file", path: "/work/repo/policy.json" }],
    ["ci/policy.json", { kind: "file", path: "/work/repo/ci/policy.json" }],
  ])("reads lifecycle-policy %s", (value, expected) => {
    expect(parse({ repository: "web", "lifecycle-policy": value }).lifecyclePolicy).toEqual(expected);
  });

  it.each(["/abs/policy.json", "../../policy.json"])("refuses lifecycle-policy %s outside the workspace", (value) => {
    expect(() => parse({ repository: "web", "lifecycle-policy": value })).toThrow(
      `lifecycle-policy: ${JSON.stringify(value)} is outside the workspace (GITHUB_WORKSPACE)`,
    );
  });

  it("takes the region input over AWS_REGION, and AWS_DEFAULT_REGION last", () => {
    expect(parse({ region: "us-west-2" }).region).toBe("us-west-2");
    expect(parse({}, { AWS_DEFAULT_REGION: "ap-south-1" }).region).toBe("ap-south-1");
  });

  it.each<[string, Record<string, string>, string]>([
    [
      "image with source-tag",
      { repository: "web", image: "a:b", "source-tag": "v1", tags: "v2" },
      "image and source-tag exclude each other",
    ],
    ["image without tags", { repository: "web", image: "a:b" }, "image needs tags"],
    ["source-tag without tags", { repository: "web", "source-tag": "v1" }, "source-tag needs tags"],
    ["tags alone", { repository: "web", tags: "v1" }, "tags needs image (to push) or source-tag"],
    ["an invalid tag", { repository: "web", image: "a:b", tags: "has space" }, 'not a valid image tag: "has space"'],
    ["image without repository", { image: "a:b", tags: "v1" }, "repository is required"],
    ["image without login", { repository: "web", image: "a:b", tags: "v1", login: "false" }, "image needs login: true"],
    [
      "protect-clusters without a policy",
      { "protect-clusters": "prod" },
      "protect-clusters only applies with lifecycle-policy",
    ],
    [
      "a *_WITH_EXCLUSION mutability without filters",
      { "tag-mutability": "MUTABLE_WITH_EXCLUSION" },
      "needs tag-mutability-exclusions",
    ],
    [
      "filters without *_WITH_EXCLUSION",
      { "tag-mutability-exclusions": "latest" },
      "tag-mutability-exclusions needs tag-mutability",
    ],
    ["a KMS key with AES256", { "kms-key": "alias/x" }, "kms-key needs encryption KMS or KMS_DSSE"],
    [
      "an unknown mutability",
      { "tag-mutability": "SOMETIMES" },
      'tag-mutability must be one of MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION, IMMUTABLE_WITH_EXCLUSION, found "SOMETIMES"',
    ],
    ["an unknown encryption", { encryption: "ROT13" }, "encryption must be one of AES256, KMS, KMS_DSSE"],
    ["a non-boolean", { logout: "yes" }, 'logout must be true or false, found "yes"'],
    [
      "a registry that is no account id",
      { registries: "123, 111111111111" },
      'registries are 12-digit account ids, found "123"',
    ],
    ["a repository tag without =", { "repository-tags": "team" }, 'write each tag as Key=Value, found "team"'],
    [
      "an unknown preset",
      { repository: "web", "lifecycle-policy": "preset:nope" },
      'no preset "nope"; the presets are',
    ],
    [
      "credentials output without login",
      { "output-credentials": "true", login: "false" },
      "output-credentials needs login: true",
    ],
    [
      "public with registries",
      { "registry-type": "public", registries: "111111111111" },
      "registries does not apply to registry-type public",
    ],
    [
      "public with create-repository",
      { "registry-type": "public", repository: "a/b", "create-repository": "true" },
      "create-repository works with private registries only",
    ],
    [
      "public with a lifecycle policy",
      { "registry-type": "public", repository: "a/b", "lifecycle-policy": "preset:standard" },
      "ECR Public has no lifecycle policies",
    ],
  ])("refuses %s", (_name, inputs, message) => {
    expect(() => parse(inputs)).toThrow(message);
  });

  it("refuses a private registry without a region, but needs none for public", () => {
    expect(() => parse({}, {})).toThrow("region is not set");
    expect(parse({ "registry-type": "public" }, {}).registryType).toBe("public");
  });

  it("lists every problem at once", () => {
    expect(() => parse({ logout: "maybe", encryption: "x", tags: "v1" })).toThrow(
      /invalid inputs:\n- encryption must be .*\n- logout must be .*\n- tags needs image/,
    );
  });
});
