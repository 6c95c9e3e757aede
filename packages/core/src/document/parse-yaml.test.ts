import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseYamlFast } from "@shipshape/fast-yaml";
import { describe, expect, it } from "vitest";
import type { Node } from "./node.js";
import { parseYaml, parseYamlWithPackage } from "./parse-yaml.js";

/** A node as plain data, offsets and keys included. */
function described(node: Node): unknown {
  switch (node.kind) {
    case "scalar":
      return { scalar: node.value, start: node.start, end: node.end, key: node.key };
    case "tagged":
      return { tag: node.tag, start: node.start, end: node.end, key: node.key, value: described(node.value) };
    case "seq":
      return { seq: node.items.map(described), start: node.start, end: node.end, key: node.key };
    case "map":
      return {
        map: node.entries.map((entry) => [entry.key, described(entry.keyNode), described(entry.value)]),
        start: node.start,
        end: node.end,
        key: node.key,
      };
  }
}

const repository = fileURLToPath(new URL("../../../../", import.meta.url));
const exampleFiles = readdirSync(join(repository, "examples"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => join("examples", file));

describe("parseYaml", () => {
  it.each(exampleFiles)("reads %s the same on the fast path and through the yaml package", (file) => {
    const text = readFileSync(join(repository, file), "utf8");
    const fast = parseYamlFast(text);
    expect(fast).toBeDefined();
    expect(described(fast!)).toEqual(described(parseYamlWithPackage(text)));
  });

  it("leaves what the fast reader declines to the yaml package", () => {
    const text = "base: &b\n  cpu: 256\ntask: *b\n";
    expect(parseYamlFast(text)).toBeUndefined();
    expect(described(parseYaml(text))).toEqual(described(parseYamlWithPackage(text)));
  });
});
