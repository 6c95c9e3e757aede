import { ECRClient, GetAuthorizationTokenCommand } from "@aws-sdk/client-ecr";
import {
  ECRPUBLICClient,
  GetAuthorizationTokenCommand as GetPublicAuthorizationTokenCommand,
} from "@aws-sdk/client-ecr-public";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { decodeAuthorizationToken, getPublicRegistryCredentials, getRegistryCredentials } from "./authorization.js";

const ecr = mockClient(ECRClient);
const ecrPublic = mockClient(ECRPUBLICClient);
const token = (password: string) => Buffer.from(`AWS:${password}`).toString("base64");
const entry = (account: string) => ({
  authorizationToken: token(`pw-${account}`),
  proxyEndpoint: `https://${account}.dkr.ecr.eu-west-1.amazonaws.com`,
  expiresAt: new Date("2030-01-01T00:00:00Z"),
});

beforeEach(() => {
  ecr.reset();
  ecrPublic.reset();
});

describe("decodeAuthorizationToken", () => {
  it.each([
    ["AWS:secret", { username: "AWS", password: "secret" }],
    ["AWS:pass:with:colons", { username: "AWS", password: "pass:with:colons" }],
  ])("splits %s", (decoded, expected) => {
    expect(decodeAuthorizationToken(Buffer.from(decoded).toString("base64"))).toEqual(expected);
  });

  it("refuses a token without user:password, without quoting it", () => {
    const bad = Buffer.from("no-colon-secret").toString("base64");
    expect(() => decodeAuthorizationToken(bad)).toThrow(/not base64 of user:password/);
    expect(() => decodeAuthorizationToken(bad)).not.toThrow(/no-colon-secret/);
  });
});

describe("getRegistryCredentials", () => {
  it("asks for the default registry when no account is given", async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [entry("111111111111")] });
    const [credentials] = await getRegistryCredentials(new ECRClient({}));
    expect(ecr.commandCalls(GetAuthorizationTokenCommand)[0]!.args[0].input).toEqual({});
    expect(credentials).toEqual({
      registry: "111111111111.dkr.ecr.eu-west-1.amazonaws.com",
      registryId: "111111111111",
      username: "AWS",
      password: "pw-111111111111",
      token: token("pw-111111111111"),
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
  });

  it("returns one login per cross-account registry, in the order asked", async () => {
    ecr
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [entry("222222222222"), entry("111111111111")] });
    const credentials = await getRegistryCredentials(new ECRClient({}), ["111111111111", "222222222222"]);
    expect(ecr.commandCalls(GetAuthorizationTokenCommand)[0]!.args[0].input).toEqual({
      registryIds: ["111111111111", "222222222222"],
    });
    expect(credentials.map((login) => login.registryId)).toEqual(["111111111111", "222222222222"]);
  });

  it("fails when a registry asked for has no token", async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [entry("111111111111")] });
    await expect(getRegistryCredentials(new ECRClient({}), ["111111111111", "333333333333"])).rejects.toThrow(
      "no token for registry 333333333333",
    );
  });
});

describe("getPublicRegistryCredentials", () => {
  it("logs in to public.ecr.aws", async () => {
    ecrPublic
      .on(GetPublicAuthorizationTokenCommand)
      .resolves({ authorizationData: { authorizationToken: token("public-pw") } });
    const credentials = await getPublicRegistryCredentials(new ECRPUBLICClient({}));
    expect(credentials).toMatchObject({ registry: "public.ecr.aws", username: "AWS", password: "public-pw" });
    expect(credentials.registryId).toBeUndefined();
  });
});
