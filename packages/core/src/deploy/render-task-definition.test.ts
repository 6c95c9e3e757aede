import { describe, expect, it } from "vitest";
import { pathOf, toPlain } from "../document/node.js";
import { parseYaml } from "../document/parse-yaml.js";
import { LineIndex } from "../document/position.js";
import { lintLoaded } from "../engine/run.js";
import { readParsed } from "../loaders/load.js";
import { renderTaskDefinitionTree } from "./render-task-definition.js";

const file = `family: web
executionRoleArn: arn:aws:iam::123456789012:role/old
containerDefinitions:
  - name: web
    image: placeholder
    environment:
      - name: LOG_LEVEL
        value: debug
  - name: sidecar
    image: busybox
`;

describe("renderTaskDefinitionTree", () => {
  it("sets values by name and key, as amazon-ecs-render-task-definition does", () => {
    const root = parseYaml(file);
    renderTaskDefinitionTree(root, {
      containers: [
        {
          name: "web",
          edits: {
            image: "web:2",
            environment: [
              { name: "LOG_LEVEL", value: "info" },
              { name: "PORT", value: "8080" },
            ],
            secrets: [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
            logDriver: "awslogs",
            logOptions: [["awslogs-group", "/ecs/web"]],
            dockerLabels: [["team", "web"]],
            command: ["npm", "start"],
            environmentFiles: ["arn:aws:s3:::bucket/web.env"],
          },
        },
      ],
      executionRoleArn: "arn:aws:iam::123456789012:role/new",
      taskRoleArn: "arn:aws:iam::123456789012:role/task",
    });
    expect(toPlain(root)).toEqual({
      family: "web",
      executionRoleArn: "arn:aws:iam::123456789012:role/new",
      taskRoleArn: "arn:aws:iam::123456789012:role/task",
      containerDefinitions: [
        {
          name: "web",
          image: "web:2",
          environment: [
            { name: "LOG_LEVEL", value: "info" },
            { name: "PORT", value: "8080" },
          ],
          command: ["npm", "start"],
          environmentFiles: [{ value: "arn:aws:s3:::bucket/web.env", type: "s3" }],
          secrets: [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
          logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } },
          dockerLabels: { team: "web" },
        },
        { name: "sidecar", image: "busybox" },
      ],
    });
  });

  it("keeps a replaced value at its line, and puts a new one at its container's", () => {
    const root = parseYaml(file);
    renderTaskDefinitionTree(root, {
      containers: [{ name: "sidecar", edits: { image: "busybox:1", command: ["sh"] } }],
    });
    const lines = new LineIndex(file);
    const sidecar = (
      root as { entries: { value: { items: { entries: { key: string; value: { start: number } }[] }[] } }[] }
    ).entries[2]!.value.items[1]!;
    const image = sidecar.entries.find((entry) => entry.key === "image")!.value;
    const command = sidecar.entries.find((entry) => entry.key === "command")!.value;
    expect(lines.position(image.start).line).toBe(10);
    expect(lines.position(command.start).line).toBe(9);
    expect(pathOf(command as never)).toBe("containerDefinitions[1].command");
  });

  it("names the containers there are when one is missing", () => {
    expect(() => renderTaskDefinitionTree(parseYaml(file), { containers: [{ name: "api", edits: {} }] })).toThrow(
      'no container "api" in task definition web; its containers are "web", "sidecar"',
    );
  });

  it("lints the rendered tree with findings on the file's lines, without parsing again", () => {
    const root = parseYaml(file);
    renderTaskDefinitionTree(root, {
      containers: [{ name: "web", edits: { environment: [{ name: "DB_PASSWORD", value: "hunter2hunter2" }] } }],
    });
    const report = lintLoaded([readParsed("task.yaml", file, [root])], { config: { preset: "recommended" } });
    const secret = report.findings.find((finding) => finding.path.includes("environment[1]"));
    expect(secret?.file).toBe("task.yaml");
    // a new variable sits at its list: line 7, where `environment` starts
    expect(secret?.line).toBe(7);
  });
});
