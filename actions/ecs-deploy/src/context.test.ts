import { describe, expect, it } from "vitest";
import { type Inputs, parseInputs } from "./context.js";
import { deployInputs } from "./test-support/deploy-inputs.js";

const env = { GITHUB_WORKSPACE: "/work/repo", AWS_REGION: "eu-west-1" };
const parse = (inputs: Record<string, string>, environment: NodeJS.ProcessEnv = env) =>
  parseInputs((name) => (inputs[name] ?? "").trim(), environment);

describe("parseInputs", () => {
  it("fills in the defaults of action.yml", () => {
    // deployInputs() holds action.yml's defaults for the rest (and this keeps it honest).
    expect(parse({ service: "web" })).toEqual<Inputs>(
      deployInputs({
        region: "eu-west-1",
        cluster: "default",
        images: [],
        policy: { kind: "preset", name: "recommended" },
      }),
    );
  });

  it("reads every input", () => {
    const inputs = parse({
      region: "us-east-1",
      cluster: "prod",
      service: "web",
      "task-definition": "deploy/task-definition.yaml",
      images: "app=repo/web:2\n\n# the proxy\nproxy = repo/proxy@sha256:abc\n",
      "desired-count": "4",
      "minimum-healthy-percent": "50",
      "maximum-percent": "200",
      "circuit-breaker": "true",
      alarms: "web-5xx, web-latency",
      wait: "True",
      "timeout-minutes": "12.5",
      policy: ".shipshape.yaml",
      rollback: "on-failure",
      "force-new-deployment": "true",
      "dry-run": "false",
    });
    expect(inputs).toMatchObject({
      region: "us-east-1",
      cluster: "prod",
      taskDefinition: {
        kind: "file",
        path: "/work/repo/deploy/task-definition.yaml",
        shownPath: "deploy/task-definition.yaml",
      },
      images: [
        { container: "app", image: "repo/web:2" },
        { container: "proxy", image: "repo/proxy@sha256:abc" },
      ],
      desiredCount: 4,
      minimumHealthyPercent: 50,
      maximumPercent: 200,
      circuitBreaker: { enable: true, rollback: false },
      alarms: ["web-5xx", "web-latency"],
      timeoutMinutes: 12.5,
      policy: { kind: "config", path: "/work/repo/.shipshape.yaml", shownPath: ".shipshape.yaml" },
      rollback: "on-failure",
      forceNewDeployment: true,
    });
  });

  it.each([
    ["rollback", { enable: true, rollback: true }],
    ["true", { enable: true, rollback: false }],
    ["FALSE", { enable: false, rollback: false }],
  ])("reads circuit-breaker %s", (value, circuitBreaker) => {
    expect(parse({ service: "web", "circuit-breaker": value }).circuitBreaker).toEqual(circuitBreaker);
  });

  it.each([
    ["strict", { kind: "preset", name: "strict" }],
    ["off", { kind: "off" }],
    ["none", { kind: "off" }],
  ])("reads policy %s", (value, policy) => {
    expect(parse({ service: "web", policy: value }).policy).toEqual(policy);
  });

  it("takes a registered revision by ARN", () => {
    const arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7";
    expect(parse({ service: "web", "task-definition-arn": arn }).taskDefinition).toEqual({ kind: "arn", arn });
  });

  it("lists every problem at once", () => {
    expect(() =>
      parse(
        {
          "task-definition": "td.json",
          "task-definition-arn": "web:3",
          images: "app\nweb=repo/web:1\nweb=repo/web:2\nbad name=x:1",
          "desired-count": "-1",
          "minimum-healthy-percent": "101",
          "maximum-percent": "1.5",
          "circuit-breaker": "maybe",
          wait: "no",
          "timeout-minutes": "0",
          rollback: "always",
        },
        {},
      ),
    ).toThrow(
      [
        "invalid inputs:",
        "- task-definition and task-definition-arn exclude each other: give a file, or a registered revision",
        '- images: write one container=image per line (e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2), found "app"',
        '- images: container "web" is given more than one image',
        '- images: write one container=image per line (e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2), found "bad name=x:1"',
        '- desired-count must be a whole number from 0 up, found "-1"',
        '- minimum-healthy-percent must be a whole number from 0 to 100, found "101"',
        '- maximum-percent must be a whole number from 100 up, found "1.5"',
        '- circuit-breaker must be one of rollback, true, false, found "maybe"',
        '- wait must be true or false, found "no"',
        '- timeout-minutes must be a number above 0, at most 360, found "0"',
        '- rollback must be one of on-failure, never, false, found "always"',
        "- region is not set: give the region input, or set AWS_REGION (aws-actions/configure-aws-credentials does)",
      ].join("\n"),
    );
  });

  it.each<[Record<string, string>, string]>([
    [{ rollback: "on-failure", wait: "false" }, "rollback: on-failure needs wait: true"],
    [
      { "minimum-healthy-percent": "100", "maximum-percent": "100", "desired-count": "x" },
      'desired-count must be a whole number from 0 up, found "x"',
    ],
    [
      { "minimum-healthy-percent": "100", "maximum-percent": "150", images: "=repo:1" },
      "images: write one container=image per line",
    ],
  ])("refuses %j", (inputs, message) => {
    expect(() => parse({ service: "web", ...inputs })).toThrow(message);
  });

  describe("amazon-ecs-deploy-task-definition's inputs", () => {
    it("reads its names for wait and timeout-minutes, and says so", () => {
      const inputs = parse({ service: "web", "wait-for-service-stability": "false", "wait-for-minutes": "45" });
      expect(inputs).toMatchObject({ wait: false, timeoutMinutes: 45 });
      expect(inputs.aliasesUsed).toEqual([
        "wait-for-service-stability (shipshape: wait)",
        "wait-for-minutes (shipshape: timeout-minutes)",
      ]);
    });

    it("refuses an input and its alias with different values", () => {
      expect(() => parse({ service: "web", wait: "true", "wait-for-service-stability": "false" })).toThrow(
        "wait-for-service-stability and wait are the same input and differ: give one",
      );
    });

    it("registers only when no service is given", () => {
      expect(parse({ "task-definition": "td.json" })).toMatchObject({ service: "", taskDefinition: { kind: "file" } });
      expect(() => parse({})).toThrow("give service, or a task definition");
    });

    it("reads run-task and its run-task-* inputs as the anchor does", () => {
      const { dropIn } = parse({
        "task-definition": "td.json",
        "run-task": "true",
        "run-task-subnets": "subnet-1, subnet-2",
        "run-task-security-groups": "sg-1",
        "run-task-assign-public-IP": "ENABLED",
        "run-task-container-overrides": '[{"name": "app", "command": ["migrate"]}]',
        "run-task-tags": '[{"key": "job", "value": "migrate"}]',
        "wait-for-task-stopped": "true",
        "max-retries": "2",
        "wait-max-delay-seconds": "15",
        "keep-null-value-keys": "command, entryPoint",
      });
      expect(dropIn).toMatchObject({
        runTask: {
          launchType: "FARGATE",
          subnets: ["subnet-1", "subnet-2"],
          securityGroups: ["sg-1"],
          assignPublicIp: "ENABLED",
          containerOverrides: [{ name: "app", command: ["migrate"] }],
          startedBy: "GitHub-Actions",
          tags: [{ key: "job", value: "migrate" }],
          waitForStopped: true,
        },
        maxAttempts: 3,
        maxPollIntervalMs: 15_000,
        keepNullValueKeys: ["command", "entryPoint"],
      });
    });

    it("names the CodeDeploy application and group after the cluster and service by default", () => {
      expect(parse({ service: "web", cluster: "prod" }).dropIn.codeDeploy).toMatchObject({
        application: "AppECS-prod-web",
        deploymentGroup: "DgpECS-prod-web",
      });
    });

    it.each<[Record<string, string>, string]>([
      [
        { "run-task": "true", "run-task-tags": "job=migrate" },
        "run-task-tags must be an array of {key, value} tags in JSON",
      ],
      [{ "run-task-subnets": "subnet-1" }, "run-task-subnets take effect only with run-task: true"],
      [
        { "service-managed-ebs-volume": "{}" },
        "service-managed-ebs-volume-name and service-managed-ebs-volume go together",
      ],
      [{ "propagate-tags": "ALL" }, 'propagate-tags must be one of SERVICE, TASK_DEFINITION, NONE, found "ALL"'],
    ])("refuses %o", (inputs, problem) => {
      expect(() => parse({ service: "web", ...inputs })).toThrow(problem);
    });
  });
});
