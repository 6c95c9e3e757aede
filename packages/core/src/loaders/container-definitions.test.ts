import { describe, expect, it } from "vitest";
import { lintSources } from "../engine/run.js";
import { loadDocument } from "./load.js";

const containers = `[
  {
    "name": "web",
    "image": "nginx:1.27",
    "essential": true,
    "environment": [{ "name": "DB_PASSWORD", "value": "hunter2" }],
    "secrets": [{ "name": "TOKEN", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/token" }],
    "portMappings": [{ "containerPort": 80, "hostPort": 8080 }],
    "memory": 4096
  }
]
`;

describe("a bare container-definitions array", () => {
  it("is read as the containers of a task definition whose other fields are unknown", () => {
    const result = loadDocument("containers.json", containers);
    if (result.status !== "loaded") throw new Error(`not loaded: ${JSON.stringify(result)}`);
    expect(result.document.description).toBe("ECS container definitions");
    const [task] = result.document.resources;
    expect(task).toMatchObject({ kind: "task-definition", name: "containers.json", usesFargate: false, networkMode: undefined });
    expect(task?.kind === "task-definition" && task.containers.map((container) => container.name)).toEqual(["web"]);
  });

  it("reports the plaintext password, and nothing that depends on task-level fields", () => {
    const { findings } = lintSources([{ file: "containers.json", text: containers }]);
    const rules = findings.map(({ ruleId, line, column }) => ({ ruleId, line, column }));
    expect(rules).toContainEqual({ ruleId: "no-plaintext-secrets", line: 6, column: 55 });
    for (const taskLevel of ["execution-role-required", "container-memory-exceeds-task", "awsvpc-host-port", "fargate-requires-awsvpc"])
      expect(rules.map(({ ruleId }) => ruleId)).not.toContain(taskLevel);
  });

  it("is read in YAML too", () => {
    const yaml = "- name: web\n  image: nginx:1.27\n  environment:\n    - name: API_TOKEN\n      value: abc123\n";
    const { findings } = lintSources([{ file: "containers.yaml", text: yaml }]);
    expect(findings.filter(({ ruleId }) => ruleId === "no-plaintext-secrets").map(({ line }) => line)).toEqual([5]);
  });

  it.each([
    ["an empty array", "[]"],
    ["an array of strings", '["a", "b"]'],
    ["objects without an image", '[{"name": "web"}]'],
  ])("leaves %s alone", (_, text) => {
    expect(loadDocument("list.json", text).status).toBe("skipped");
  });
});
