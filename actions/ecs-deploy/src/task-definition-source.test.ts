import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ECSClient } from "@aws-sdk/client-ecs";
import { afterAll, describe, expect, it } from "vitest";
import { loadTaskDefinition, renderFileText } from "./task-definition-source.js";

const dir = mkdtempSync(join(tmpdir(), "ecs-deploy-source-"));
const ecs = new ECSClient({ region: "us-east-1" });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { kind: "file" as const, path, shownPath: name };
}

describe("renderFileText", () => {
  it("replaces images in place in JSON, so every line keeps its number", () => {
    const json =
      '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "app", "image": "placeholder" },\n    { "name": "proxy", "image": "nginx:1.27" }\n  ]\n}\n';
    expect(renderFileText(json, [{ container: "app", image: "repo/web:2" }])).toBe(
      json.replace('"placeholder"', '"repo/web:2"'),
    );
  });

  it("keeps YAML comments and layout", () => {
    const yaml =
      "# web\nfamily: web\ncontainerDefinitions:\n  - name: app\n    image: placeholder # set by CI\n    memory: 256\n";
    expect(renderFileText(yaml, [{ container: "app", image: "repo/web@sha256:abc" }])).toBe(
      yaml.replace("placeholder", "repo/web@sha256:abc"),
    );
  });

  it("reaches into describe-task-definition output", () => {
    const wrapped = 'taskDefinition:\n  family: web\n  containerDefinitions:\n    - {name: app, image: "x"}\n';
    expect(renderFileText(wrapped, [{ container: "app", image: "repo/web:3" }])).toContain('image: "repo/web:3"');
  });

  it("gives up (undefined) when a container has no image key to replace", () => {
    expect(
      renderFileText("family: web\ncontainerDefinitions:\n  - name: app\n", [{ container: "app", image: "x:1" }]),
    ).toBeUndefined();
  });
});

describe("loadTaskDefinition", () => {
  it("reads a YAML file as RegisterTaskDefinition input", async () => {
    const source = file(
      "td.yaml",
      "family: web\ncpu: 256\nmemory: 512\ncontainerDefinitions:\n  - name: app\n    image: x:1\n",
    );
    const loaded = await loadTaskDefinition(source, ecs, undefined);
    expect(loaded.definition).toEqual({
      family: "web",
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "app", image: "x:1" }],
    });
    expect(loaded.file?.shownPath).toBe("td.yaml");
  });

  it("says where a file does not parse", async () => {
    const source = file("broken.json", '{ "family": "web", ');
    await expect(loadTaskDefinition(source, ecs, undefined)).rejects.toThrow("broken.json: not valid JSON or YAML:");
  });

  it("says when the file is missing", async () => {
    await expect(
      loadTaskDefinition({ kind: "file", path: join(dir, "nope.json"), shownPath: "nope.json" }, ecs, undefined),
    ).rejects.toThrow("task-definition: cannot read nope.json (ENOENT)");
  });

  it("takes the service's current revision when no source is given", async () => {
    const current = {
      arn: "arn:aws:ecs:us-east-1:1:task-definition/web:3",
      family: "web",
      revision: 3,
      definition: { family: "web", containerDefinitions: [] },
    };
    expect(await loadTaskDefinition({ kind: "service" }, ecs, current)).toMatchObject({
      definition: current.definition,
      origin: `${current.arn} (the service's current revision)`,
    });
    await expect(loadTaskDefinition({ kind: "service" }, ecs, undefined)).rejects.toThrow(
      "the service names no task definition",
    );
  });
});
