import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { lintSources } from "./run.js";
import type { Finding } from "./finding.js";

// Values of every shape where the rules expect one: the linter must take anything a user writes.
const anyValue = fc.oneof(
  fc.string(),
  fc.integer({ min: -5, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("FARGATE", "EC2", "awsvpc", "bridge", "host", "256", "1024", "latest", "true", "ENABLED", "0"),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const container = fc.record(
  {
    name: maybe(fc.oneof(fc.string(), anyValue)),
    image: maybe(fc.oneof(fc.constantFrom("nginx", "nginx:latest", "a.dkr.ecr.us-east-1.amazonaws.com/x:1", "r:5000/x@sha256:abc"), anyValue)),
    essential: maybe(anyValue),
    memory: maybe(anyValue),
    memoryReservation: maybe(anyValue),
    privileged: maybe(anyValue),
    user: maybe(anyValue),
    readonlyRootFilesystem: maybe(anyValue),
    portMappings: maybe(fc.oneof(anyValue, fc.array(fc.record({ containerPort: maybe(anyValue), hostPort: maybe(anyValue), protocol: maybe(anyValue) }), { maxLength: 3 }))),
    environment: maybe(fc.oneof(anyValue, fc.array(fc.record({ name: maybe(fc.oneof(fc.constantFrom("DB_PASSWORD", "API_TOKEN", "PORT"), anyValue)), value: maybe(anyValue) }), { maxLength: 4 }))),
    secrets: maybe(fc.oneof(anyValue, fc.array(fc.record({ name: maybe(anyValue), valueFrom: maybe(anyValue) }), { maxLength: 2 }))),
    logConfiguration: maybe(fc.oneof(anyValue, fc.record({ logDriver: maybe(anyValue), options: maybe(anyValue), secretOptions: maybe(anyValue) }))),
    healthCheck: maybe(anyValue),
    linuxParameters: maybe(fc.oneof(anyValue, fc.record({ capabilities: maybe(fc.oneof(anyValue, fc.record({ add: maybe(anyValue) }))) }))),
    repositoryCredentials: maybe(anyValue),
  },
  { requiredKeys: [] },
);

const taskDefinition = fc.record(
  {
    family: maybe(anyValue),
    requiresCompatibilities: maybe(fc.oneof(anyValue, fc.array(fc.constantFrom("FARGATE", "EC2", "EXTERNAL")))),
    networkMode: maybe(anyValue),
    cpu: maybe(anyValue),
    memory: maybe(anyValue),
    pidMode: maybe(anyValue),
    ipcMode: maybe(anyValue),
    executionRoleArn: maybe(anyValue),
    taskRoleArn: maybe(anyValue),
    volumes: maybe(fc.oneof(anyValue, fc.array(fc.record({ name: maybe(anyValue), host: maybe(anyValue), efsVolumeConfiguration: maybe(anyValue) }), { maxLength: 2 }))),
    placementConstraints: maybe(anyValue),
    containerDefinitions: fc.oneof(fc.array(container, { maxLength: 4 }), anyValue),
  },
  { requiredKeys: ["containerDefinitions"] },
);

const service = fc.record(
  {
    serviceName: fc.string({ minLength: 1 }),
    taskDefinition: maybe(anyValue),
    desiredCount: maybe(anyValue),
    launchType: maybe(fc.oneof(fc.constantFrom("FARGATE", "EC2"), anyValue)),
    platformVersion: maybe(anyValue),
    deploymentConfiguration: maybe(fc.oneof(anyValue, fc.record({ minimumHealthyPercent: maybe(anyValue), maximumPercent: maybe(anyValue), deploymentCircuitBreaker: maybe(anyValue) }))),
    networkConfiguration: maybe(anyValue),
    loadBalancers: maybe(fc.oneof(anyValue, fc.array(fc.record({ loadBalancerName: maybe(anyValue), targetGroupArn: maybe(anyValue) }), { maxLength: 2 }))),
    placementStrategy: maybe(anyValue),
    placementConstraints: maybe(anyValue),
    capacityProviderStrategy: maybe(anyValue),
  },
  { requiredKeys: ["serviceName"] },
);

const pascal = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(pascal);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(v)]));
  return value;
};

const template = fc.record({ task: taskDefinition, service, repository: anyValue }).map(({ task, service, repository }) => ({
  AWSTemplateFormatVersion: "2010-09-09",
  Resources: {
    Task: { Type: "AWS::ECS::TaskDefinition", Properties: pascal(task) },
    Service: { Type: "AWS::ECS::Service", Properties: { ...(pascal(service) as object), TaskDefinition: { Ref: "Task" } } },
    Repo: { Type: "AWS::ECR::Repository", Properties: repository },
    Elb: { Type: "AWS::ElasticLoadBalancing::LoadBalancer" },
  },
}));

function expectFindingsInside(text: string, findings: Finding[]) {
  const lines = text.split("\n");
  for (const finding of findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines.length);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeLessThanOrEqual(lines[finding.line - 1]!.length + 1);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(finding.message).not.toMatch(/\[object Object\]/);
    // an unfilled {{placeholder}}, unless the file itself holds the braces
    if (!text.includes("{{")) expect(finding.message).not.toMatch(/\{\{/);
  }
}

const lintText = (file: string, text: string) => {
  const { findings } = lintSources([{ file, text }], { config: { preset: "strict" } });
  expectFindingsInside(text, findings);
};

const mutate = (text: string, at: number, insert: string, cut: number) => {
  const position = Math.floor(at * text.length);
  return text.slice(0, position) + insert + text.slice(position + cut);
};

// A few thousand lints take seconds on a quiet machine and several times that on a loaded one; the
// runs are fixed (their count is the test's value), so the time limit is generous rather than
// vitest's 10 s. The wide search is the fuzz campaign's (`npm run fuzz`).
const generousTimeout = 180_000;

describe("the linter on random and mutated input", () => {
  it("never throws on task definitions and services, and every finding points inside the file", () => {
    fc.assert(
      fc.property(taskDefinition, service, fc.boolean(), (task, svc, pretty) => {
        lintText("task.json", JSON.stringify(task, null, pretty ? 2 : undefined));
        lintText("service.json", JSON.stringify(svc, null, pretty ? 2 : undefined));
      }),
      { numRuns: 1500 },
    );
  }, generousTimeout);

  it("never throws on CloudFormation templates, YAML and JSON", () => {
    fc.assert(
      fc.property(template, (document) => {
        lintText("stack.yaml", stringify(document));
        lintText("stack.json", JSON.stringify(document, null, 1));
      }),
      { numRuns: 600 },
    );
  }, generousTimeout);

  it("never throws on mutated files: cut, spliced and truncated text", () => {
    fc.assert(
      fc.property(
        fc.oneof(taskDefinition.map((t) => JSON.stringify(t, null, 2)), template.map((t) => stringify(t))),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("", "{", "}", "[", ":", '"', "\n", "!Ref ", "- ", "\t", "\u0000", "&a", "*a"),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        (text, at, insert, cut, asYaml) => lintText(asYaml ? "mutated.yaml" : "mutated.json", mutate(text, at, insert, cut)),
      ),
      { numRuns: 1500 },
    );
  }, generousTimeout);
});
