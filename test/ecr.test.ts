// The ECR action's committed bundle, run as the runner runs it, against real services: moto for
// the ECR and ECS APIs, Debian's docker engine, and a registry that docker knows by the ECR name
// moto hands out. A PATH shim records every docker argv, to prove the password never is in one.
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, repoRoot, runAction } from "./support/run-action.js";
import { findExecutable } from "./support/processes.js";
import {
  type DockerEngine,
  type EcrLikeRegistry,
  getManifest,
  listTags,
  type Moto,
  registryGet,
  startDockerEngine,
  startEcrLikeRegistry,
  startMoto,
} from "./support/services.js";

const account = "123456789012";
const region = "us-east-1";
const repository = "shipshape/app";
const password = `${account}-auth-token`;
const token = Buffer.from(`AWS:${password}`).toString("base64");
const DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json";

let moto: Moto | undefined;
let engine: DockerEngine | undefined;
let registry: EcrLikeRegistry | undefined;
const scratch = mkdtempSync(join(tmpdir(), "shipshape-ecr-e2e-"));
const argvLog = join(scratch, "docker-argv.log");
const runs: ActionRun[] = [];
let loginRun: ActionRun | undefined;
let pushedDigest = "";
let oldestDigest = "";

/** The parts of moto's answers these tests read. */
interface MotoBody {
  repositories?: Record<string, unknown>[];
  imageDetails?: { imageDigest: string; imageTags?: string[] }[];
  lifecyclePolicyText?: string;
}

/** A moto API call over its JSON protocol (moto reads the service and region from the credential scope). */
async function aws(service: "ecr" | "ecs", action: string, body: object): Promise<{ status: number; body: MotoBody }> {
  const prefix = service === "ecr" ? "AmazonEC2ContainerRegistry_V20150921" : "AmazonEC2ContainerServiceV20141113";
  const response = await fetch(moto!.endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `${prefix}.${action}`,
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20250101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as MotoBody };
}

async function run(inputs: Record<string, string>, state?: Record<string, string>): Promise<ActionRun> {
  const result = await runAction("ecr", {
    inputs,
    // The workspace is the scratch directory: the policy files the tests write are in it.
    cwd: scratch,
    ...(state ? { state } : {}),
    // GitHub runs the action on node24; point this at a node 24 binary to run the bundle on it.
    ...(process.env.SHIPSHAPE_ACTION_NODE ? { node: process.env.SHIPSHAPE_ACTION_NODE } : {}),
    env: {
      PATH: `${join(scratch, "bin")}:${process.env.PATH}`,
      DOCKER_HOST: engine!.host,
      DOCKER_CONFIG: engine!.configDir,
      AWS_ENDPOINT_URL: moto!.endpoint,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_REGION: region,
      AWS_EC2_METADATA_DISABLED: "true",
      DOCKER_SHIM_LOG: argvLog,
    },
  });
  runs.push(result);
  return result;
}

function expectSuccess(result: ActionRun): void {
  expect(result.exitCode, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(0);
}

const dockerArgv = () => (existsSync(argvLog) ? readFileSync(argvLog, "utf8").split("\n").filter(Boolean) : []);
const dockerAuths = () => {
  const file = join(engine!.configDir, "config.json");
  return existsSync(file)
    ? ((JSON.parse(readFileSync(file, "utf8")) as { auths?: Record<string, unknown> }).auths ?? {})
    : {};
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const sha256 = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

/** Puts an image into moto's ECR under its real digest; push times are whole seconds, so callers space pushes apart. */
async function seedImage(tag: string, manifest: string): Promise<string> {
  const imageDigest = sha256(manifest);
  const response = await aws("ecr", "PutImage", {
    repositoryName: repository,
    imageTag: tag,
    imageManifest: manifest,
    imageManifestMediaType: DOCKER_V2,
    imageDigest,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return imageDigest;
}

function syntheticManifest(layer: string): string {
  const digest = `sha256:${layer.repeat(64).slice(0, 64)}`;
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: DOCKER_V2,
    config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 1, digest },
    layers: [{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 1, digest }],
  });
}

const keepNewestRelease = {
  rules: [
    {
      rulePriority: 1,
      description: "keep the newest v* image",
      selection: { tagStatus: "tagged", tagPatternList: ["v*"], countType: "imageCountMoreThan", countNumber: 1 },
      action: { type: "expire" },
    },
  ],
};

describe("the ecr action against moto, a docker engine and an ECR-like registry", () => {
  beforeAll(async () => {
    [moto, engine, registry] = await Promise.all([
      startMoto(),
      startDockerEngine(),
      startEcrLikeRegistry({ account, region }),
    ]);
    const realDocker = findExecutable("docker");
    if (!realDocker) throw new Error("docker not found");
    const bin = join(scratch, "bin");
    const shim = join(bin, "docker");
    mkdirSync(bin);
    writeFileSync(shim, `#!/bin/sh\nprintf '%s\\n' "$*" >> "$DOCKER_SHIM_LOG"\nexec ${realDocker} "$@"\n`);
    chmodSync(shim, 0o755);
    const context = join(scratch, "context");
    mkdirSync(context);
    writeFileSync(join(context, "hello.txt"), "hello from the shipshape ecr action\n");
    writeFileSync(join(context, "Dockerfile"), "FROM scratch\nCOPY hello.txt /\n");
    await engine.docker(["build", "--tag", "app:build", "."], { cwd: context });
    // Another copy of the suite may hold the registry for a while (REGISTRY_LOCK_TIMEOUT_MS).
  }, 600_000);

  afterAll(async () => {
    await Promise.all([moto?.stop(), engine?.stop(), registry?.stop()]);
    rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  it("logs in, creates the repository and pushes two tags", async () => {
    const result = await run({
      repository,
      "create-repository": "true",
      "repository-tags": "team=web",
      image: "app:build",
      tags: "v1\nlatest",
    });
    expectSuccess(result);
    loginRun = result;
    const host = registry!.host;
    expect(result.outputs.registry).toBe(host);
    expect(result.outputs["image-uri"]).toBe(`${host}/${repository}:v1`);
    expect(result.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    pushedDigest = result.outputs.digest!;

    expect((await listTags(registry!, repository)).sort()).toEqual(["latest", "v1"]);
    for (const tag of ["v1", "latest"])
      expect((await getManifest(registry!, repository, tag)).digest).toBe(pushedDigest);
    const described = await aws("ecr", "DescribeRepositories", { repositoryNames: [repository] });
    expect(described.body.repositories?.[0]).toMatchObject({
      repositoryUri: `${host}/${repository}`,
      imageScanningConfiguration: { scanOnPush: true },
    });

    expect(dockerArgv()).toContain(`login --username AWS --password-stdin ${host}`);
    expect(dockerAuths()).toHaveProperty([host]);
    expect(result.summary).toContain(pushedDigest);
    expect(result.summary).toContain(`${host}/${repository}:latest`);
  });

  it("retags in ECR without pulling, and a second run finds the tags in place", async () => {
    // moto's ECR holds what the registry holds: two older releases, then the pushed image's real manifest.
    oldestDigest = await seedImage("v0.1", syntheticManifest("1"));
    await sleep(1100);
    await seedImage("v0.2", syntheticManifest("2"));
    await sleep(1100);
    const manifest = await registryGet(registry!, `/v2/${repository}/manifests/v1`, DOCKER_V2);
    expect(await seedImage("v1", manifest.body)).toBe(pushedDigest);

    const before = dockerArgv().length;
    const result = await run({ repository, login: "false", "source-tag": "v1", tags: "release-1\nstable" });
    expectSuccess(result);
    expect(result.outputs.digest).toBe(pushedDigest);
    expect(result.outputs["image-uri"]).toBe(`${registry!.host}/${repository}:release-1`);
    expect(dockerArgv().slice(before)).toEqual([]);
    const found = await aws("ecr", "DescribeImages", {
      repositoryName: repository,
      imageIds: [{ imageTag: "stable" }],
    });
    expect(found.body.imageDetails?.[0]).toMatchObject({ imageDigest: pushedDigest });
    expect(found.body.imageDetails?.[0]?.imageTags).toEqual(expect.arrayContaining(["v1", "release-1", "stable"]));

    const again = await run({ repository, login: "false", "source-tag": "v1", tags: "release-1" });
    expectSuccess(again);
    expect(again.stdout).toContain("already tagged");
  });

  it("previews a lifecycle policy without putting it", async () => {
    const policyFile = join(scratch, "policy.json");
    writeFileSync(policyFile, JSON.stringify(keepNewestRelease));
    const result = await run({ repository, login: "false", "lifecycle-policy": policyFile });
    expectSuccess(result);
    expect(result.outputs["expired-count"]).toBe("2");
    expect(result.summary).toContain("Lifecycle policy (preview, not applied)");
    expect(result.summary).toMatch(/\| Rule \| Images expired \| Images kept \|/);
    expect(result.summary).toContain("| 1: keep the newest v\\* image | 2 | 1 |");
    expect((await aws("ecr", "GetLifecyclePolicy", { repositoryName: repository })).status).toBe(400);
  });

  it("refuses to apply a policy that expires an image an ECS service runs", async () => {
    await aws("ecs", "CreateCluster", { clusterName: "prod" });
    const image = `${registry!.host}/${repository}:v0.1`;
    await aws("ecs", "RegisterTaskDefinition", {
      family: "web",
      containerDefinitions: [{ name: "app", image, memory: 128 }],
    });
    const created = await aws("ecs", "CreateService", {
      cluster: "prod",
      serviceName: "web",
      taskDefinition: "web",
      desiredCount: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);

    const policyFile = join(scratch, "policy.json");
    const result = await run({
      repository,
      login: "false",
      "lifecycle-policy": policyFile,
      "lifecycle-mode": "apply",
      "protect-clusters": "prod",
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs["expired-count"]).toBe("2");
    expect(result.commands).toContain(
      `::error::lifecycle rule 1 expires ${oldestDigest.slice(0, 19)} [v0.1], used by service web (cluster prod, container app)`,
    );
    expect(result.commands.join("\n")).toContain("lifecycle policy not applied");
    expect(result.summary).toContain("Lifecycle policy (refused, not applied)");
    expect((await aws("ecr", "GetLifecyclePolicy", { repositoryName: repository })).status).toBe(400);
  });

  it("applies a preset that keeps every image the services use", async () => {
    const result = await run({
      repository,
      login: "false",
      "lifecycle-policy": "preset:keep-last-30-releases",
      "lifecycle-mode": "apply",
      "protect-clusters": "prod",
    });
    expectSuccess(result);
    expect(result.outputs["expired-count"]).toBe("0");
    const applied = await aws("ecr", "GetLifecyclePolicy", { repositoryName: repository });
    const preset = JSON.parse(readFileSync(join(repoRoot, "policies/lifecycle/keep-last-30-releases.json"), "utf8"));
    expect(JSON.parse(applied.body.lifecyclePolicyText ?? "")).toEqual(preset);
  });

  it("refuses a malformed lifecycle policy before logging in or pushing anything", async () => {
    const badPolicy = join(scratch, "bad-policy.json");
    writeFileSync(badPolicy, JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "sometimes" } }] }));
    const argvBefore = dockerArgv().length;
    const tagsBefore = await listTags(registry!, repository);
    const result = await run({ repository, image: "app:build", tags: "never-pushed", "lifecycle-policy": badPolicy });
    expect(result.exitCode).toBe(1);
    expect(result.commands.join("\n")).toContain("lifecycle-policy");
    expect(result.commands.join("\n")).toContain("is not valid");
    expect(dockerArgv().slice(argvBefore)).toEqual([]);
    expect(await listTags(registry!, repository)).toEqual(tagsBefore);
  });

  it.each([
    ["an absolute path", "/etc/passwd", "is outside"],
    ["a path up and out", "../../../../etc/passwd", "is outside"],
    ["a symbolic link out", "linked-policy.json", "leads (through a symbolic link) outside"],
  ])("refuses a lifecycle policy outside the workspace (%s), quoting nothing from the file", async (_, path, how) => {
    const outside = mkdtempSync(join(tmpdir(), "shipshape-outside-"));
    writeFileSync(join(outside, "policy.json"), '{"rules": "root:x:0:0:secret-line"}');
    rmSync(join(scratch, "linked-policy.json"), { force: true });
    symlinkSync(join(outside, "policy.json"), join(scratch, "linked-policy.json"));
    const argvBefore = dockerArgv().length;
    const result = await run({ repository, image: "app:build", tags: "never-pushed", "lifecycle-policy": path });
    expect(result.exitCode).toBe(1);
    expect(result.commands.join("\n")).toContain(`lifecycle-policy: ${JSON.stringify(path)} ${how} the workspace`);
    expect(result.stdout).not.toMatch(/root:x?:?0|secret-line/);
    expect(dockerArgv().slice(argvBefore)).toEqual([]);
    rmSync(outside, { recursive: true, force: true });
  });

  it("logs out in the post step", async () => {
    const result = await run({ logout: "true" }, loginRun!.state);
    expectSuccess(result);
    expect(dockerArgv()).toContain(`logout ${registry!.host}`);
    expect(dockerAuths()).not.toHaveProperty([registry!.host]);
    expect(readFileSync(join(engine!.configDir, "config.json"), "utf8")).not.toContain(token);
  });

  it("never shows the password: masked first, then in no log line, output or argv", () => {
    const firstLines = loginRun!.stdout.split("\n").slice(0, 2);
    expect(firstLines).toEqual([`::add-mask::${password}`, `::add-mask::${token}`]);
    for (const result of runs) {
      const logs = `${result.stdout}\n${result.stderr}`.split("\n").filter((line) => !line.startsWith("::add-mask::"));
      for (const secret of [password, token]) {
        expect(logs.join("\n")).not.toContain(secret);
        expect(JSON.stringify(result.outputs)).not.toContain(secret);
        expect(result.summary).not.toContain(secret);
      }
    }
    const argv = dockerArgv().join("\n");
    expect(argv).not.toContain(password);
    expect(argv).not.toContain(token);
  });

  // After the password check above: amazon-ecr-login's mask-password 'false' asks for the password as an output.
  it("runs amazon-ecr-login's README examples: no inputs, and mask-password 'false' with per-registry outputs", async () => {
    const host = registry!.host;
    const plain = await run({});
    expectSuccess(plain);
    expect(plain.outputs.registry).toBe(host);
    expect(Object.keys(plain.outputs).filter((name) => name.startsWith("docker_"))).toEqual([]);

    const unmasked = await run({ "mask-password": "false" });
    expectSuccess(unmasked);
    const suffix = host.replace(/[^a-zA-Z0-9_]+/g, "_");
    expect(unmasked.outputs[`docker_username_${suffix}`]).toBe("AWS");
    expect(unmasked.outputs[`docker_password_${suffix}`]).toBe(password);
  });

  it("keeps docker logged in with amazon-ecr-login's skip-logout", async () => {
    const result = await run({ "skip-logout": "true" });
    expectSuccess(result);
    const before = dockerArgv().length;
    expectSuccess(await run({}, result.state));
    expect(
      dockerArgv()
        .slice(before)
        .some((argv) => argv.startsWith("logout")),
    ).toBe(false);
    expect(dockerAuths()).toHaveProperty([registry!.host]);
  });
});
