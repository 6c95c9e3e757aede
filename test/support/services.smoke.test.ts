import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DockerEngine,
  type EcrLikeRegistry,
  getManifest,
  listTags,
  type Moto,
  startDockerEngine,
  startEcrLikeRegistry,
  startMoto,
} from "./services.js";

const account = "123456789012";
const region = "us-east-1";

interface AuthorizationData {
  authorizationToken: string;
  proxyEndpoint: string;
}

async function getEcrAuthorizationToken(endpoint: string): Promise<AuthorizationData> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken",
      // moto does not check signatures; it only reads the region from the credential scope.
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20200101/${region}/ecr/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: "{}",
  });
  expect(response.status).toBe(200);
  const { authorizationData } = (await response.json()) as { authorizationData: AuthorizationData[] };
  return authorizationData[0]!;
}

function dockerConfigAuths(engine: DockerEngine): Record<string, unknown> {
  const config = JSON.parse(readFileSync(join(engine.configDir, "config.json"), "utf8")) as {
    auths?: Record<string, unknown>;
  };
  return config.auths ?? {};
}

// The steps build on each other: the token from moto logs docker in, the login allows the push.
describe("real services: moto, a docker engine and an ECR-like registry", () => {
  let moto: Moto | undefined;
  let engine: DockerEngine | undefined;
  let registry: EcrLikeRegistry | undefined;
  let password = "";
  const buildContext = mkdtempSync(join(tmpdir(), "shipshape-smoke-build-"));

  beforeAll(async () => {
    moto = await startMoto();
    engine = await startDockerEngine();
    registry = await startEcrLikeRegistry({ account, region });
    // Another copy of the suite may hold the registry for a while (REGISTRY_LOCK_TIMEOUT_MS).
  }, 600_000);

  afterAll(async () => {
    await Promise.all([moto?.stop(), engine?.stop(), registry?.stop()]);
    rmSync(buildContext, { recursive: true, force: true });
  }, 60_000);

  it("moto issues an ECR token whose password the registry accepts", async () => {
    const authorization = await getEcrAuthorizationToken(moto!.endpoint);
    const [username, decodedPassword] = Buffer.from(authorization.authorizationToken, "base64")
      .toString("utf8")
      .split(":");
    expect(username).toBe("AWS");
    expect(decodedPassword).toBe(`${account}-auth-token`);
    expect(authorization.proxyEndpoint).toBe(`https://${account}.dkr.ecr.${region}.amazonaws.com`);
    expect(authorization.proxyEndpoint).toBe(registry!.url);
    password = decodedPassword!;
  });

  it("docker logs in with the token, then builds and pushes an image", async () => {
    const { host } = registry!;
    await engine!.docker(["login", "--username", "AWS", "--password-stdin", host], { input: password });
    expect(dockerConfigAuths(engine!)).toHaveProperty([host]);

    writeFileSync(join(buildContext, "hello.txt"), "hello from shipshape\n");
    writeFileSync(join(buildContext, "Dockerfile"), "FROM scratch\nCOPY hello.txt /\n");
    await engine!.docker(["build", "--tag", "smoke:local", "."], { cwd: buildContext });
    await engine!.docker(["tag", "smoke:local", `${host}/smoke:1`]);
    await engine!.docker(["push", `${host}/smoke:1`]);

    expect(await listTags(registry!, "smoke")).toEqual(["1"]);
    const { digest, manifest } = await getManifest(registry!, "smoke", "1");
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(manifest.layers).toHaveLength(1);
  });

  it("docker logout removes the credentials from the client config", async () => {
    await engine!.docker(["logout", registry!.host]);
    expect(dockerConfigAuths(engine!)).not.toHaveProperty([registry!.host]);
    expect(readFileSync(join(engine!.configDir, "config.json"), "utf8")).not.toContain(
      Buffer.from(`AWS:${password}`).toString("base64"),
    );
  });
});
