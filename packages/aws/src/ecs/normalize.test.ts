import type { TaskDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { shortHash } from "../redact.js";
import { diffTaskDefinitions, formatTaskDefinitionChanges } from "./diff.js";
import { normalizeTaskDefinition, taskDefinitionsEqual } from "./normalize.js";
import type { TaskDefinitionInput } from "./render.js";

/** A file as people write it: defaults left out. */
const file: TaskDefinitionInput = {
  family: "web",
  networkMode: "awsvpc",
  requiresCompatibilities: ["FARGATE"],
  cpu: "256",
  memory: "512",
  executionRoleArn: "arn:aws:iam::123456789012:role/web-execution",
  containerDefinitions: [
    {
      name: "app",
      image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:abc123",
      portMappings: [{ containerPort: 8080 }],
      environment: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "APP_ENV", value: "prod" },
      ],
      healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"] },
    },
  ],
};

/** The same definition as DescribeTaskDefinition returns it: read-only fields, defaults filled in, lists reordered. */
const described: TaskDefinition & { tags?: [] } = {
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
  family: "web",
  revision: 7,
  status: "ACTIVE",
  networkMode: "awsvpc",
  requiresCompatibilities: ["FARGATE"],
  compatibilities: ["EC2", "FARGATE"],
  requiresAttributes: [{ name: "com.amazonaws.ecs.capability.task-eni" }],
  cpu: "256",
  memory: "512",
  executionRoleArn: "arn:aws:iam::123456789012:role/web-execution",
  registeredAt: new Date("2025-03-01T10:00:00Z"),
  registeredBy: "arn:aws:sts::123456789012:assumed-role/ci/session",
  volumes: [],
  placementConstraints: [],
  enableFaultInjection: false,
  containerDefinitions: [
    {
      name: "app",
      image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:abc123",
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }],
      environment: [
        { name: "APP_ENV", value: "prod" },
        { name: "LOG_LEVEL", value: "info" },
      ],
      mountPoints: [],
      volumesFrom: [],
      systemControls: [],
      healthCheck: {
        command: ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"],
        interval: 30,
        timeout: 5,
        retries: 3,
      },
    },
  ],
  tags: [],
};

describe("taskDefinitionsEqual", () => {
  it("finds a file and its registered revision equal despite ECS's defaults and read-only fields", () => {
    expect(taskDefinitionsEqual(file, described)).toBe(true);
    expect(normalizeTaskDefinition(described)).toEqual(normalizeTaskDefinition(file));
  });

  it.each<[string, (definition: TaskDefinitionInput) => void]>([
    [
      "a new image",
      (d) => (d.containerDefinitions![0]!.image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:def456"),
    ],
    ["another environment value", (d) => (d.containerDefinitions![0]!.environment![0]!.value = "debug")],
    ["more memory", (d) => (d.memory = "1024")],
    ["a non-essential container", (d) => (d.containerDefinitions![0]!.essential = false)],
    ["a UDP port", (d) => (d.containerDefinitions![0]!.portMappings![0]!.protocol = "udp")],
    ["a tag", (d) => (d.tags = [{ key: "team", value: "web" }])],
    ["a health check interval", (d) => (d.containerDefinitions![0]!.healthCheck!.interval = 10)],
  ])("sees %s", (_change, change) => {
    const changed = structuredClone(file);
    change(changed);
    expect(taskDefinitionsEqual(changed, described)).toBe(false);
  });

  it("keeps a bridge-mode host port of its own (static) apart from a dynamic one", () => {
    const bridge = { ...file, networkMode: undefined, requiresCompatibilities: ["EC2" as const] };
    const staticPort = structuredClone(bridge);
    staticPort.containerDefinitions![0]!.portMappings = [{ containerPort: 8080, hostPort: 8080 }];
    const dynamicPort = structuredClone(bridge);
    dynamicPort.containerDefinitions![0]!.portMappings = [{ containerPort: 8080, hostPort: 0, protocol: "tcp" }];
    expect(taskDefinitionsEqual(staticPort, dynamicPort)).toBe(false);
    expect(taskDefinitionsEqual(bridge, { ...dynamicPort, networkMode: "bridge" })).toBe(true);
  });
});

describe("diffTaskDefinitions", () => {
  it("lists nothing for an unchanged definition", () => {
    expect(diffTaskDefinitions(described, file)).toEqual([]);
  });

  it("names containers and variables by name, not position", () => {
    const changed = structuredClone(file);
    const app = changed.containerDefinitions![0]!;
    app.image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:def456";
    app.environment = [
      { name: "APP_ENV", value: "prod" },
      { name: "FEATURE_X", value: "on" },
    ];
    changed.memory = "1024";
    expect(formatTaskDefinitionChanges(diffTaskDefinitions(described, changed))).toEqual([
      '~ memory: "512" -> "1024"',
      '~ containerDefinitions[app].image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:abc123" -> "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:def456"',
      '+ containerDefinitions[app].environment[FEATURE_X].name: "FEATURE_X"',
      `+ containerDefinitions[app].environment[FEATURE_X].value: (hidden, ${shortHash('"on"')})`,
      '- containerDefinitions[app].environment[LOG_LEVEL].name: "LOG_LEVEL"',
      `- containerDefinitions[app].environment[LOG_LEVEL].value: (hidden, ${shortHash('"info"')})`,
    ]);
  });

  it("shows environment values, command arguments, docker labels and log options only as a hash", () => {
    const changed = structuredClone(file);
    const app = changed.containerDefinitions![0]!;
    app.environment!.push(
      { name: "DB_PASSWORD", value: "hunter2" },
      { name: "SESSION_KEY", value: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
    );
    app.command = ["sh", "-c", "psql postgres://user:pass@db.internal/app"];
    app.dockerLabels = { "db.dsn": "postgres://app:hunter2@db/app" };
    app.logConfiguration = { logDriver: "splunk", options: { "splunk-token": "00000000-1111-2222" } };
    const lines = formatTaskDefinitionChanges(diffTaskDefinitions(described, changed));
    const text = lines.join("\n");
    for (const secret of ["hunter2", "user:pass", "9f86d081884c7d659a2feaa0c55ad015", "00000000-1111"])
      expect(text).not.toContain(secret);
    expect(lines).toContain(
      `+ containerDefinitions[app].environment[SESSION_KEY].value: (hidden, ${shortHash('"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"')})`,
    );
    expect(lines.find((line) => line.includes(".command:"))).toMatch(
      /^\+ containerDefinitions\[app\]\.command: \(hidden, sha256:[0-9a-f]{8}\)$/,
    );
    expect(lines.find((line) => line.includes("dockerLabels"))).toMatch(
      /^\+ containerDefinitions\[app\]\.dockerLabels\.db\.dsn: \(hidden, sha256:[0-9a-f]{8}\)$/,
    );
    expect(text).toContain('logConfiguration.logDriver: "splunk"');
  });

  it("masks credentials in URLs of the values it shows", () => {
    const changed = structuredClone(file);
    changed.containerDefinitions![0]!.image = "https://ci:s3cr3t@registry.example.com/web:1";
    const lines = formatTaskDefinitionChanges(diffTaskDefinitions(described, changed));
    expect(lines.join("\n")).toContain('"https://***@registry.example.com/web:1"');
    expect(lines.join("\n")).not.toContain("s3cr3t");
  });

  it("shows every field as added when nothing is registered yet", () => {
    const lines = formatTaskDefinitionChanges(diffTaskDefinitions(undefined, file));
    expect(lines).toContain('+ family: "web"');
    expect(lines).toContain(
      `+ containerDefinitions[app].healthCheck.command: (hidden, ${shortHash('["CMD-SHELL","curl -f http://localhost:8080/ || exit 1"]')})`,
    );
    expect(lines.every((line) => line.startsWith("+ "))).toBe(true);
  });
});
