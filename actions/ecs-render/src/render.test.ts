import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseTaskDefinitionFile, renderTree, treeOfRegistered, writeRendered } from "./render.js";

const dir = mkdtempSync(join(tmpdir(), "ecs-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noRoles = { taskRoleArn: undefined, executionRoleArn: undefined };

describe("render", () => {
  it("renders every named container of a YAML file and writes RegisterTaskDefinition JSON", () => {
    const path = join(dir, "td.yaml");
    writeFileSync(
      path,
      "family: web\ncontainerDefinitions:\n  - name: web\n    image: old\n  - name: worker\n    image: old\n",
    );
    const rendered = renderTree(
      parseTaskDefinitionFile(path, "td.yaml"),
      { containers: ["web", "worker"], edits: { image: "repo/app:2", logDriver: "awslogs" }, ...noRoles },
      "td.yaml",
    );
    const out = writeRendered(rendered, dir);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual({
      family: "web",
      containerDefinitions: [
        { name: "web", image: "repo/app:2", logConfiguration: { logDriver: "awslogs" } },
        { name: "worker", image: "repo/app:2", logConfiguration: { logDriver: "awslogs" } },
      ],
    });
  });

  it("drops read-only fields of a registered revision and keeps its tags", () => {
    const root = treeOfRegistered({
      family: "web",
      revision: 4,
      status: "ACTIVE",
      taskDefinitionArn: "arn:aws:ecs:us-east-1:1:task-definition/web:4",
      containerDefinitions: [{ name: "web", image: "old" }],
      tags: [{ key: "team", value: "web" }],
    });
    expect(
      renderTree(
        root,
        {
          containers: ["web"],
          edits: { image: "new" },
          taskRoleArn: "arn:aws:iam::123456789012:role/t",
          executionRoleArn: undefined,
        },
        "web:4",
      ),
    ).toEqual({
      family: "web",
      containerDefinitions: [{ name: "web", image: "new" }],
      tags: [{ key: "team", value: "web" }],
      taskRoleArn: "arn:aws:iam::123456789012:role/t",
    });
  });

  it("says which line does not parse, and which containers there are", () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, '{\n  "family": "web",\n  "containerDefinitions": [\n}');
    expect(() => parseTaskDefinitionFile(broken, "broken.json")).toThrow(/^broken\.json:4: not valid JSON or YAML/);
    const root = treeOfRegistered({ family: "web", containerDefinitions: [{ name: "web" }] });
    expect(() => renderTree(root, { containers: ["api"], edits: {}, ...noRoles }, "td.json")).toThrow(
      'container-name: no container "api" in task definition web; its containers are "web" (td.json)',
    );
  });
});
