import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ECSClient } from "@aws-sdk/client-ecs";
import { toPlain } from "@shipshape/core";
import { afterAll, describe, expect, it } from "vitest";
import { imageEdits, loadTaskDefinition, renderLoaded } from "./task-definition-source.js";

const dir = mkdtempSync(join(tmpdir(), "ecs-deploy-source-"));
const ecs = new ECSClient({ region: "us-east-1" });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { kind: "file" as const, path, shownPath: name };
}

describe("renderLoaded", () => {
  it("renders the one parse of a file: the register input, and the tree the policy check lints", async () => {
    const source = file(
      "web.yaml",
      "# web\nfamily: web\ncontainerDefinitions:\n  - name: app\n    image: placeholder # set by CI\n    memory: 256\n",
    );
    const loaded = await loadTaskDefinition(source, ecs, undefined);
    const rendered = renderLoaded(loaded, imageEdits([{ container: "app", image: "repo/web@sha256:abc" }]));
    expect(rendered.containerDefinitions).toEqual([{ name: "app", image: "repo/web@sha256:abc", memory: 256 }]);
    expect(loaded.text).toContain("placeholder # set by CI");
    expect(JSON.stringify(toPlain(loaded.root))).toContain("repo/web@sha256:abc");
  });

  it("reaches into describe-task-definition output", async () => {
    const source = file(
      "wrapped.yaml",
      'taskDefinition:\n  family: web\n  revision: 3\n  containerDefinitions:\n    - {name: app, image: "x"}\n',
    );
    const rendered = renderLoaded(
      await loadTaskDefinition(source, ecs, undefined),
      imageEdits([{ container: "app", image: "repo/web:3" }]),
    );
    expect(rendered).toEqual({ family: "web", containerDefinitions: [{ name: "app", image: "repo/web:3" }] });
  });

  it("drops a file's empty values unless keep-null-value-keys names them, as the anchor does", async () => {
    const source = file(
      "empty.json",
      '{"family": "web", "volumes": [], "containerDefinitions": [{"name": "app", "image": "x", "command": [], "entryPoint": [""], "user": ""}]}',
    );
    const loaded = await loadTaskDefinition(source, ecs, undefined);
    expect(renderLoaded(loaded, { containers: [] }, ["command"])).toEqual({
      family: "web",
      containerDefinitions: [{ name: "app", image: "x", command: [] }],
    });
  });

  it("names the containers there are when an image names another", async () => {
    const loaded = await loadTaskDefinition(
      file("one.json", '{"family": "web", "containerDefinitions": [{"name": "app", "image": "x"}]}'),
      ecs,
      undefined,
    );
    expect(() => renderLoaded(loaded, imageEdits([{ container: "api", image: "y" }]))).toThrow(
      'images: no container "api" in task definition web; its containers are "app" (one.json)',
    );
  });
});

describe("loadTaskDefinition", () => {
  it("reads a YAML file as RegisterTaskDefinition input", async () => {
    const source = file(
      "td.yaml",
      "family: web\ncpu: 256\nmemory: 512\ncontainerDefinitions:\n  - name: app\n    image: x:1\n",
    );
    const loaded = await loadTaskDefinition(source, ecs, undefined);
    expect(renderLoaded(loaded, { containers: [] })).toEqual({
      family: "web",
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "app", image: "x:1" }],
    });
    expect(loaded.file).toBe("td.yaml");
  });

  it("says where a file does not parse", async () => {
    const source = file("broken.json", '{ "family": "web", ');
    await expect(loadTaskDefinition(source, ecs, undefined)).rejects.toThrow("broken.json:1: not valid JSON or YAML:");
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
      file: "rendered-task-definition.json",
      origin: `${current.arn} (the service's current revision)`,
    });
    await expect(loadTaskDefinition({ kind: "service" }, ecs, undefined)).rejects.toThrow(
      "the service names no task definition",
    );
  });
});
