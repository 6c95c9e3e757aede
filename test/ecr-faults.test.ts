// The ecr bundle under AWS faults, through test/support/fault-proxy.ts in front of moto: each
// call of ensuring a repository and applying a lifecycle policy (and of getting a login token)
// throttled, failing with 5xx, reset, slow, denied, with an expired token, and never answered.
// No docker: login is off, except where the token call fails before docker would be used.
import { DescribeRepositoriesCommand, ECRClient, GetLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import { beforeAll, describe, expect, it } from "vitest";
import {
  credentials,
  FAILING_FAULTS,
  motoBehindFaultProxy,
  PASSING_FAULTS,
  region,
  throughProxy,
} from "./support/fault-cases.js";
import { type ActionRun, runAction } from "./support/run-action.js";

const aws = motoBehindFaultProxy();
let ecr: ECRClient;
let repositoryNumber = 0;

async function runEcr(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction("ecr", {
    inputs,
    env: {
      ...throughProxy(aws.proxy.endpoint),
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

beforeAll(() => {
  ecr = new ECRClient({ region, endpoint: aws.moto.endpoint, credentials });
});

const STEPS = ["DescribeRepositories", "CreateRepository", "DescribeImages", "PutLifecyclePolicy"];

describe("ecr under AWS faults", { timeout: 60_000 }, () => {
  describe.each(STEPS)("%s", (operation) => {
    it.each(PASSING_FAULTS)("creates the repository and applies the policy through %s", async (_, fault) => {
      const repository = `faults/app-${++repositoryNumber}`;
      aws.proxy.inject(operation, fault);
      const run = await runEcr(ensureAndApply(repository));
      expectExit(run, 0);
      expect(await repositoryExists(repository)).toBe(true);
      expect(await lifecyclePolicyOf(repository)).toBeDefined();
      expect(aws.proxy.calls(operation)).toBeGreaterThan(fault.kind === "delay" ? 0 : 1);
    });

    it.each(FAILING_FAULTS)("fails on %s, naming the call, and applies no policy", async (kind, message) => {
      const repository = `faults/app-${++repositoryNumber}`;
      aws.proxy.inject(operation, { kind });
      const run = await runEcr(ensureAndApply(repository));
      expectExit(run, 1);
      const error = run.commands.find((line) => line.startsWith("::error::"));
      expect(error, run.stdout).toContain(operation);
      expect(error).toMatch(message);
      expect(await lifecyclePolicyOf(repository)).toBeUndefined();
    });
  });

  it.each(FAILING_FAULTS)("fails a login on %s of GetAuthorizationToken before docker is used", async (kind, message) => {
    aws.proxy.inject("GetAuthorizationToken", { kind });
    const run = await runEcr({ repository: "faults/login" });
    expectExit(run, 1);
    const error = run.commands.find((line) => line.startsWith("::error::"));
    expect(error, run.stdout).toContain("GetAuthorizationToken");
    expect(error).toMatch(message);
    expect(run.state).not.toHaveProperty("registries");
  });
});
