/**
 * The located tree every loader produces, whatever the source format: JSON, YAML (CloudFormation
 * tags included) or a JSON string embedded in another document. Offsets are into the file text;
 * line and column are computed only when a finding is reported. The node types are
 * @shipshape/fast-yaml's, which builds them for most YAML files.
 */
import type { MapNode, Node } from "@shipshape/fast-yaml";

export type { MapEntry, MapNode, Node, ScalarNode, ScalarValue, SeqNode, TaggedNode } from "@shipshape/fast-yaml";

export function entry(map: MapNode, key: string): Node | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const candidate = map.entries[i]!;
    if (candidate.key === key) return candidate.value;
  }
  return undefined;
}

/**
 * The plain JavaScript value of a node, as JSON.parse gives it (a `__proto__` key is an own
 * property); tagged nodes (intrinsics) become `{ [tag]: value }`. Recursive: trees are as deep as
 * the readers' maxDepth at most.
 */
export function toPlain(node: Node): unknown {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(toPlain);
    case "map": {
      const out: Record<string, unknown> = {};
      for (const { key, value } of node.entries)
        if (key === "__proto__") Object.defineProperty(out, key, { value: toPlain(value), enumerable: true, writable: true, configurable: true });
        else out[key] = toPlain(value);
      return out;
    }
    case "tagged":
      return { [node.tag]: toPlain(node.value) };
  }
}

/** The path from the document root, e.g. `Resources.Task.Properties.ContainerDefinitions[0]`. */
export function pathOf(node: Node): string {
  const parts: string[] = [];
  for (let current: Node | undefined = node; current?.parent; current = current.parent) {
    const key = current.key;
    if (typeof key === "number") parts.push(`[${key}]`);
    else if (key !== undefined) parts.push(/^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
  }
  return parts.reverse().join("").replace(/^\./, "");
}

/** Re-anchor a tree parsed from an embedded string so every node points at the string's place. */
export function anchorAt(node: Node, host: Node): Node {
  node.start = host.start;
  node.end = host.end;
  if (node.kind === "map")
    for (const e of node.entries) {
      anchorAt(e.keyNode, host);
      anchorAt(e.value, host);
    }
  else if (node.kind === "seq") for (const item of node.items) anchorAt(item, host);
  else if (node.kind === "tagged") anchorAt(node.value, host);
  return node;
}
