import { describe, expect, it } from "vitest";
import { type TaskDefinitionInput, taskDefinitionFromDocument } from "./render.js";

const definition: TaskDefinitionInput = {
  family: "web",
  cpu: "256",
  memory: "512",
  containerDefinitions: [
    { name: "app", image: "placeholder" },
    { name: "proxy", image: "public.ecr.aws/nginx/nginx:1.27" },
  ],
};

describe("taskDefinitionFromDocument", () => {
  it("takes RegisterTaskDefinition input, cpu and memory as strings", () => {
    const input = taskDefinitionFromDocument({ ...definition, cpu: 256, memory: 512 }, "td.yaml");
    expect(input).toEqual(definition);
  });

  it("unwraps describe-task-definition output and drops the read-only fields", () => {
    const described = {
      taskDefinition: {
        ...definition,
        taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
        revision: 3,
        status: "ACTIVE",
        requiresAttributes: [{ name: "com.amazonaws.ecs.capability.docker-remote-api.1.18" }],
        compatibilities: ["EC2", "FARGATE"],
        registeredAt: "2025-01-01T00:00:00Z",
        registeredBy: "arn:aws:iam::123456789012:user/ci",
      },
      tags: [{ key: "team", value: "web" }],
    };
    expect(taskDefinitionFromDocument(described, "td.json")).toEqual({
      ...definition,
      tags: [{ key: "team", value: "web" }],
    });
  });

  it.each([
    [[], "td.json: a task definition is a JSON or YAML mapping"],
    [{ family: "web" }, "td.json: containerDefinitions is missing or empty"],
    [{ family: "web", containerDefinitions: [] }, "containerDefinitions is missing or empty"],
    [{ containerDefinitions: [{ name: "a" }] }, "td.json: family is missing"],
    [{ family: "web", containerDefinitions: [{ image: "a" }] }, "every item of containerDefinitions needs a name"],
  ])("refuses %j", (document, message) => {
    expect(() => taskDefinitionFromDocument(document, "td.json")).toThrow(message);
  });
});
