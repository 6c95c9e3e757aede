import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, parseDocument } from "yaml";
import { parseYamlFast } from "./block-reader.js";
import type { MapNode, Node } from "./node.js";
import { verdict } from "./test-support/differential.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const read = (name: string) => readFileSync(join(fixtures, name), "utf8");

function valueAt(node: Node, ...path: (string | number)[]): unknown {
  let current: Node | undefined = node;
  for (const step of path) {
    if (current?.kind === "tagged") current = current.value;
    if (current?.kind === "map") current = (current as MapNode).entries.find((entry) => entry.key === step)?.value;
    else if (current?.kind === "seq" && typeof step === "number") current = current.items[step];
    else return undefined;
  }
  return current?.kind === "scalar" ? current.value : current;
}

describe("templates written as AWS samples are", () => {
  it("reads quoted scalars continued at their key's column with PyYAML's values", () => {
    const text = read("description-at-key-column.yaml");
    // The yaml package alone stops at the first such line.
    expect(parseDocument(text).errors[0]?.code).toBe("MISSING_CHAR");
    expect(verdict(text)).toBe("same");
    const root = parseYamlFast(text)!;
    expect(valueAt(root, "Description")).toBe(
      "Patches the web fleet: a patch baseline in Systems Manager, then a target and a task that run in a maintenance window. Written the way several AWS samples are: the text continues at the key's column.",
    );
    expect(valueAt(root, "Parameters", "Environment", "Description")).toBe(
      "Where the fleet runs: dev, qa or prod, as the other stacks name it.",
    );
    expect(valueAt(root, "Outputs", "Instructions", "Value")).toBe(
      "Open the Systems Manager console, choose Patch Manager, then the baseline named web-baseline, and read its compliance report.",
    );
  });

  it("reads a template saved with CRLF line breaks, a byte-order mark and tabs on the fast path", () => {
    const text = read("ecs-service-crlf.yaml");
    expect(text.startsWith("\ufeff") && text.includes("\r\n") && text.includes("\t")).toBe(true);
    expect(verdict(text)).toBe("same");
    const root = parseYamlFast(text)!;
    expect(valueAt(root, "Description")).toBe("A Fargate service behind a target group, saved with CRLF line breaks");
    const container = ["Resources", "TaskDefinition", "Properties", "ContainerDefinitions", 0];
    expect(valueAt(root, ...container, "EntryPoint", 2)).toBe('echo "tab\there"');
  });

  it("declines a multi-document manifest, which the yaml package reads document by document", () => {
    const text = read("kubernetes-manifest.yaml");
    expect(verdict(text)).toBe("declined");
    expect(parseAllDocuments(text)).toHaveLength(2);
  });

  it("declines anchors and merge keys, which the yaml package reads", () => {
    expect(verdict(read("anchors-and-merge-keys.yaml"))).toBe("declined");
  });
});

// Real-world files are not kept in this repository. To run the differential over a folder of
// them (AWS sample templates, cfn-lint's fixtures), point SHIPSHAPE_YAML_CORPUS at it; or run
// scripts/yaml-corpus-check.mjs, which also reads bare git directories.
const corpus = process.env.SHIPSHAPE_YAML_CORPUS;
const corpusFiles =
  corpus && existsSync(corpus)
    ? readdirSync(corpus, { recursive: true, encoding: "utf8" }).filter((file) => /\.(ya?ml|json|template)$/i.test(file))
    : [];

describe.runIf(corpusFiles.length > 0)(`the corpus in SHIPSHAPE_YAML_CORPUS (${corpusFiles.length} files)`, () => {
  it.each(corpusFiles)("%s: declined, or read as the yaml package reads it", (file) => {
    expect(["same", "declined"]).toContain(verdict(readFileSync(join(corpus!, file), "utf8")));
  });

  it("reads most of it on the fast path", () => {
    const verdicts = corpusFiles.map((file) => verdict(readFileSync(join(corpus!, file), "utf8")));
    const same = verdicts.filter((found) => found === "same").length;
    console.log(`${relative(process.cwd(), corpus!)}: ${same} of ${verdicts.length} files on the fast path`);
    expect(same).toBeGreaterThan(verdicts.length / 2);
  });
});
