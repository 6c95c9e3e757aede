import { describe, expect, it } from "vitest";
import { renderTaskDefinition, type TaskDefinitionInput, taskDefinitionFromDocument } from "./render.js";

const definition: TaskDefinitionInput = {
  family: "web",
  cpu: "256",
  memory: "512",
  containerDefinitions: [
    { name: "app", image: "placeholder" },
    { name: "proxy", image: "public.ecr.aws/nginx/nginx:1.27" },
  ],
};

describe("renderTaskDefinition", () => {
  it("puts each image into its named container and leaves the others", () => {
    const rendered = renderTaskDefinition(definition, [{ container: "app", image: "repo/app:abc123" }]);
    expect(rendered.containerDefinitions).toEqual([
      { name: "app", image: "repo/app:abc123" },
      { name: "proxy", image: "public.ecr.aws/nginx/nginx:1.27" },
    ]);
    expect(definition.containerDefinitions![0]!.image).toBe("placeholder");
  });

  it("gives several containers each their own image", () => {
    const rendered = renderTaskDefinition(definition, [
      { container: "proxy", image: "repo/proxy:2" },
      { container: "app", image: "repo/app:2" },
    ]);
    expect(rendered.containerDefinitions!.map((container) => container.image)).toEqual(["repo/app:2", "repo/proxy:2"]);
  });

  it("names the containers that exist when one does not", () => {
    expect(() => renderTaskDefinition(definition, [{ container: "ap", image: "x:1" }])).toThrow(
      'images: no container "ap" in task definition web; its containers are "app", "proxy"',
    );
  });

  it("refuses two images for one container", () => {
    expect(() =>
      renderTaskDefinition(definition, [
        { container: "app", image: "x:1" },
        { container: "app", image: "x:2" },
      ]),
    ).toThrow('container "app" is given two images');
  });
});

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
