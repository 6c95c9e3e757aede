import { describe, expect, it } from "vitest";
import { lintSources } from "../engine/run.js";
import { loadDocument } from "../loaders/load.js";

describe("container names", () => {
  const template = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: !Ref ContainerName
          Image: nginx:latest
        - Name: sidecar
          Image: busybox:1.36
`;

  it("names a container whose name is an intrinsic by its resource and index", () => {
    const result = loadDocument("template.yaml", template);
    if (result.status !== "loaded") throw new Error("not loaded");
    const [task] = result.document.resources;
    expect(task?.kind === "task-definition" && task.containers.map((container) => container.name)).toEqual(["Task.containers[0]", "sidecar"]);
  });

  it("shows that name in messages", () => {
    const { findings } = lintSources([{ file: "template.yaml", text: template }]);
    const latest = findings.find((finding) => finding.ruleId === "image-tag-pinned");
    expect(latest?.message).toContain('container "Task.containers[0]"');
  });
});
