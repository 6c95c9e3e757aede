// The policy check on a rendered definition and on the service as the deploy leaves it, with
// @actions/core replaced by a fixture that keeps the annotations.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Service } from "@aws-sdk/client-ecs";
import { beforeEach, describe, expect, it, vi } from "vitest";

const annotations = vi.hoisted(() => [] as { level: string; message: string; title?: string }[]);
vi.mock("@actions/core", () => {
  const keep = (level: string) => (message: string, properties?: { title?: string }) =>
    void annotations.push({ level, message, ...(properties?.title ? { title: properties.title } : {}) });
  return {
    info: keep("info"),
    error: keep("error"),
    warning: keep("warning"),
    notice: keep("notice"),
    startGroup: keep("group"),
    endGroup: () => {},
  };
});

const { checkPolicy, serviceSettings } = await import("./policy-gate.js");
const { imageEdits, loadedFromDefinition, parseFile, renderLoaded } = await import("./task-definition-source.js");

const rendered = {
  family: "web",
  networkMode: "awsvpc" as const,
  requiresCompatibilities: ["FARGATE" as const],
  cpu: "256",
  memory: "512",
  containerDefinitions: [{ name: "app", image: "repo/web:latest" }],
};
const current: Service = {
  serviceName: "web",
  status: "ACTIVE",
  desiredCount: 2,
  launchType: "FARGATE",
  taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:4",
  loadBalancers: [{ loadBalancerName: "web-classic", containerName: "app", containerPort: 8080 }],
  deployments: [{ id: "ecs-svc/1", status: "PRIMARY" }],
  events: [{ id: "e1", message: "(service web) has reached a steady state." }],
};
const update = {
  cluster: "prod",
  service: "web",
  taskDefinition: "",
  desiredCount: 3,
  deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
};
const loaded = loadedFromDefinition(rendered, "arn:aws:ecs:us-east-1:123456789012:task-definition/web:4");

beforeEach(() => {
  annotations.length = 0;
});

describe("serviceSettings", () => {
  it("is the service after the deploy, naming the rendered family, without its runtime state", () => {
    const settings = serviceSettings(current, update, rendered);
    expect(settings).toMatchObject({
      serviceName: "web",
      taskDefinition: "web",
      desiredCount: 3,
      deploymentConfiguration: update.deploymentConfiguration,
    });
    expect(settings).not.toHaveProperty("deployments");
    expect(settings).not.toHaveProperty("events");
  });
});

describe("checkPolicy", () => {
  it("checks the rendered definition and the service together, and names documents that are not files", () => {
    const check = checkPolicy(
      { kind: "preset", name: "recommended" },
      "/work/repo",
      { loaded, rendered },
      { current, update },
    );
    const rules = check.report.findings.map((finding) => finding.ruleId);
    expect(rules).toContain("image-tag-pinned");
    expect(rules).toContain("no-classic-load-balancer");
    // The Fargate service links to the rendered awsvpc definition and has no awsvpcConfiguration.
    expect(rules).toContain("awsvpc-service-network-configuration");
    expect(check.errors).toBeGreaterThanOrEqual(3);
    expect(check.policy).toBe("preset recommended");
    const classic = annotations.find((annotation) => annotation.title === "no-classic-load-balancer");
    expect(classic?.level).toBe("error");
    expect(classic?.message).toMatch(/^service web as deployed: loadBalancers\[0\]/);
    const image = annotations.find((annotation) => annotation.title === "image-tag-pinned");
    expect(image?.message).toMatch(
      /^task definition web \(from arn:aws:ecs:us-east-1:123456789012:task-definition\/web:4, rendered\): /,
    );
  });

  it("annotates the lines of the file in the repository, with the rendered image", () => {
    const text = "family: web\ncontainerDefinitions:\n  - name: app\n    image: placeholder\n    memory: 256\n";
    const dir = mkdtempSync(join(tmpdir(), "policy-gate-"));
    writeFileSync(join(dir, "web.yaml"), text);
    const fromFile = parseFile(join(dir, "web.yaml"), "deploy/web.yaml");
    const check = checkPolicy(
      { kind: "preset", name: "recommended" },
      "/work/repo",
      { loaded: fromFile, rendered: renderLoaded(fromFile, imageEdits([{ container: "app", image: "repo/web" }])) },
      { current: { ...current, loadBalancers: [] }, update },
    );
    rmSync(dir, { recursive: true });
    const pinned = check.report.findings.find((finding) => finding.ruleId === "image-tag-pinned");
    expect(pinned).toMatchObject({ file: "deploy/web.yaml", line: 4 });
    expect(pinned?.message).toContain('"repo/web"');
    expect(
      annotations.some((annotation) => annotation.message.startsWith("::error file=deploy/web.yaml,line=4,")),
    ).toBe(true);
  });

  it("names a rendered file outside the workspace (ecs-render's, in RUNNER_TEMP) without a file annotation", () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-gate-"));
    writeFileSync(join(dir, "td.json"), '{"family": "web", "containerDefinitions": [{"name": "app", "image": "repo/web"}]}');
    const rendered = parseFile(join(dir, "td.json"), "../runner-temp/td.json");
    checkPolicy(
      { kind: "preset", name: "recommended" },
      "/work/repo",
      { loaded: rendered, rendered: renderLoaded(rendered, { containers: [] }) },
      { current: { ...current, loadBalancers: [] }, update },
    );
    rmSync(dir, { recursive: true });
    const pinned = annotations.find((annotation) => annotation.title === "image-tag-pinned");
    expect(pinned?.message).toMatch(/^task definition web \(from \.\.\/runner-temp\/td\.json, rendered\): /);
    expect(annotations.some((annotation) => annotation.message.includes("file=../"))).toBe(false);
  });
});
