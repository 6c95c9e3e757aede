// The ecr bundle under AWS faults, through test/support/fault-proxy.ts in front of moto: each
// call of ensuring a repository and applying a lifecycle policy (and of getting a login token)
// throttled, failing with 5xx, reset, slow, denied, with an expired token, and never answered.
// No docker: login is off, except where the token call fails before docker would be used.
import { DescribeRepositoriesCommand, ECRClient, GetLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Fault, type FaultKind, type FaultProxy, startFaultProxy } from "./support/fault-proxy.js";
import { type ActionRun, runAction } from "./support/run-action.js";
import { type Moto, startMoto } from "./support/services.js";

const region = "us-east-1";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
let moto: Moto | undefined;
let proxy: FaultProxy | undefined;
let ecr: ECRClient;
let repositoryNumber = 0;

async function runEcr(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction("ecr", {
    inputs,
    env: {
      AWS_REGION: region,
      AWS_ENDPOINT_URL: proxy!.endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_MAX_ATTEMPTS: "3",
      SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS: "1000",
    },
    // Loose bounds against hangs: two copies of the suite may share a loaded 2-core machine.
    timeoutMs: 50_000,
  });
}

const ensureAndApply = (repository: string) => ({
  repository,
  login: "false",
  "create-repository": "true",
  "lifecycle-policy": "preset:keep-last-30-releases",
  "lifecycle-mode": "apply",
});

async function lifecyclePolicyOf(repositoryName: string): Promise<string | undefined> {
  try {
    return (await ecr.send(new GetLifecyclePolicyCommand({ repositoryName }))).lifecyclePolicyText;
  } catch {
    return undefined;
  }
}

async function repositoryExists(repositoryName: string): Promise<boolean> {
  try {
    await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [repositoryName] }));
    return true;
  } catch {
    return false;
  }
}

function expectExit(run: ActionRun, code: number): void {
  expect(run.exitCode, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(code);
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  ecr = new ECRClient({ region, endpoint: moto.endpoint, credentials });
}, 120_000);

beforeEach(() => proxy?.reset());

afterAll(async () => {
  await proxy?.stop();
  await moto?.stop();
});

const STEPS = ["DescribeRepositories", "CreateRepository", "DescribeImages", "PutLifecyclePolicy"];
const PASSING_FAULTS: [FaultKind, Fault][] = [
  ["throttle", { kind: "throttle", times: 2 }],
  ["server-error", { kind: "server-error", times: 2 }],
  ["reset", { kind: "reset", times: 2 }],
  ["delay", { kind: "delay", times: 1, delayMs: 700 }],
];

describe("ecr under AWS faults", { timeout: 60_000 }, () => {
  describe.each(STEPS)("%s", (operation) => {
    it.each(PASSING_FAULTS)("creates the repository and applies the policy through %s", async (_, fault) => {
      const repository = `faults/app-${++repositoryNumber}`;
      proxy!.inject(operation, fault);
      const run = await runEcr(ensureAndApply(repository));
      expectExit(run, 0);
      expect(await repositoryExists(repository)).toBe(true);
      expect(await lifecyclePolicyOf(repository)).toBeDefined();
      expect(proxy!.calls(operation)).toBeGreaterThan(fault.kind === "delay" ? 0 : 1);
    });

    it.each<[FaultKind, RegExp]>([
      ["access-denied", /AccessDeniedException|not authorized/],
      ["expired-token", /expired/i],
      ["hang", /timed? ?out/i],
    ])("fails on %s, naming the call, and applies no policy", async (kind, message) => {
      const repository = `faults/app-${++repositoryNumber}`;
      proxy!.inject(operation, { kind });
      const run = await runEcr(ensureAndApply(repository));
      expectExit(run, 1);
      const error = run.commands.find((line) => line.startsWith("::error::"));
      expect(error, run.stdout).toContain(operation);
      expect(error).toMatch(message);
      expect(await lifecyclePolicyOf(repository)).toBeUndefined();
    });
  });

  it.each<[FaultKind, RegExp]>([
    ["access-denied", /AccessDeniedException|not authorized/],
    ["expired-token", /expired/i],
    ["hang", /timed? ?out/i],
  ])("fails a login on %s of GetAuthorizationToken before docker is used", async (kind, message) => {
    proxy!.inject("GetAuthorizationToken", { kind });
    const run = await runEcr({ repository: "faults/login" });
    expectExit(run, 1);
    const error = run.commands.find((line) => line.startsWith("::error::"));
    expect(error, run.stdout).toContain("GetAuthorizationToken");
    expect(error).toMatch(message);
    expect(run.state).not.toHaveProperty("registries");
  });
});
