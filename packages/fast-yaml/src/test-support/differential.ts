import { expect } from "vitest";
import { parseYamlFast } from "../block-reader.js";
import type { Node } from "../node.js";
import { referenceTree } from "./yaml-reference.js";

/** A node as plain data, offsets and keys included; checks on the way that children point at their parent. */
export function described(node: Node): unknown {
  const child = (item: Node) => {
    expect(item.parent).toBe(node);
    return described(item);
  };
  switch (node.kind) {
    case "scalar":
      return { scalar: node.value, start: node.start, end: node.end, key: node.key };
    case "tagged":
      return { tag: node.tag, start: node.start, end: node.end, key: node.key, value: child(node.value) };
    case "seq":
      return { seq: node.items.map(child), start: node.start, end: node.end, key: node.key };
    case "map":
      return {
        map: node.entries.map((entry) => [entry.key, child(entry.keyNode), child(entry.value)]),
        start: node.start,
        end: node.end,
        key: node.key,
      };
  }
}

export type Verdict = "same" | "declined";

/**
 * The fast reader either declines or builds the tree the yaml package builds; an input the yaml
 * package refuses must be declined.
 */
export function verdict(text: string): Verdict {
  let expected: unknown;
  let failed = false;
  try {
    expected = described(referenceTree(text));
  } catch {
    failed = true;
  }
  const fast = parseYamlFast(text);
  if (fast === undefined) return "declined";
  expect(failed, `the yaml package refuses ${JSON.stringify(text)}, the fast reader must decline it`).toBe(false);
  expect(described(fast), JSON.stringify(text)).toEqual(expected);
  return "same";
}
