// A cancel (the runner's SIGINT/SIGTERM) during docker push: docker is stopped, the step fails with
// the cancel message, and the job summary says which tags were pushed and which were not. docker
// is a fake here, a shell script first on PATH whose push of the tag "slow" waits until stopped.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ECRClient, GetAuthorizationTokenCommand } from "@aws-sdk/client-ecr";
import { resetStep, step } from "@shipshape/action-kit/testing/actions-core";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));

const { StepCancelled } = await import("@shipshape/action-kit");
const { main } = await import("./main.js");

const ecr = mockClient(ECRClient);
const REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
const bin = mkdtempSync(join(tmpdir(), "shipshape-fake-docker-"));
const calls = join(bin, "calls.log");
const savedPath = process.env.PATH;

// `push <uri>:slow` writes a marker and waits until it is stopped; any other push prints a digest.
const fakeDocker = `#!/bin/sh
echo "$*" >> "${calls}"
case "$1" in
  push)
    case "$2" in
      *:slow)
        trap 'echo "stopped $2" >> "${calls}"; exit 130' TERM INT
        touch "${bin}/slow-started"
        while :; do sleep 1 & wait $!; done ;;
    esac
    echo "$2: digest: sha256:${"ab".repeat(32)} size: 528" ;;
esac
exit 0
`;

beforeAll(() => {
  writeFileSync(join(bin, "docker"), fakeDocker);
  chmodSync(join(bin, "docker"), 0o755);
  process.env.PATH = `${bin}:${savedPath}`;
});

afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(bin, { recursive: true, force: true });
});

beforeEach(() => {
  ecr.reset();
  rmSync(calls, { force: true });
  rmSync(join(bin, "slow-started"), { force: true });
  resetStep();
  ecr.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      { authorizationToken: Buffer.from("AWS:pw").toString("base64"), proxyEndpoint: `https://${REGISTRY}` },
    ],
  });
  Object.assign(step.inputs, { region: "us-east-1", repository: "web", image: "app:build", tags: "v1\nslow\nlatest" });
});

/** Resolves once the fake docker has started pushing the slow tag (the test's timeout bounds the wait). */
async function slowPushStarted(): Promise<void> {
  while (!existsSync(join(bin, "slow-started"))) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("ecr: cancelled during docker push", () => {
  it("stops docker, fails with the cancel message, and the summary names the tags pushed and not pushed", async () => {
    const cancel = new AbortController();
    const step_ = main(cancel.signal);
    await slowPushStarted();
    cancel.abort(new StepCancelled("SIGTERM"));
    await expect(step_).rejects.toThrow(
      `the step was cancelled (SIGTERM) while pushing app:build as ${REGISTRY}/web:slow (tags done: v1; not done: slow, latest)`,
    );
    const log = readFileSync(calls, "utf8");
    expect(log).toContain(`stopped ${REGISTRY}/web:slow`);
    expect(log).not.toContain(`push ${REGISTRY}/web:latest`);
    expect(step.summary).toContain(`<code>v1</code> | <code>${REGISTRY}/web:v1</code>`);
    expect(step.summary).toContain("**Stopped:** the step was cancelled (SIGTERM) while pushing");
    expect(step.summary).toContain("Not pushed or tagged: <code>slow</code>, <code>latest</code>");
  });

  it("writes a summary when the first push is the one cancelled", async () => {
    step.inputs.tags = "slow";
    const cancel = new AbortController();
    const step_ = main(cancel.signal);
    await slowPushStarted();
    cancel.abort(new StepCancelled("SIGINT"));
    await expect(step_).rejects.toThrow("(tags done: none; not done: slow)");
    expect(step.summary).toContain("Not pushed or tagged: <code>slow</code>");
  });

  it("pushes every tag when nothing cancels, the summary without a stop", async () => {
    step.inputs.tags = "v1\nlatest";
    await main(new AbortController().signal);
    expect(step.summary).toContain(`<code>latest</code> | <code>${REGISTRY}/web:latest</code>`);
    expect(step.summary).not.toContain("Stopped");
    expect(step.summary).not.toContain("Not pushed");
  });
});
