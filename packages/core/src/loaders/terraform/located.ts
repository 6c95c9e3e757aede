import type { MapEntry, MapNode, Node, ScalarNode, ScalarValue, SeqNode, TaggedNode } from "../../document/node.js";
import { carryIncluded } from "../../document/included.js";
import { UNKNOWN_AFTER_APPLY } from "../terraform-plan-values.js";

/** Building located nodes from evaluated HCL: every node points at the source text it came from. */

export interface Range {
  start: number;
  end: number;
}

export function scalar(value: ScalarValue, at: Range): ScalarNode {
  return { kind: "scalar", value, start: at.start, end: at.end };
}

/**
 * A value the configuration does not fix (a variable without a default, a data source, a
 * function the loader does not evaluate): the same node a plan's known-after-apply value becomes,
 * so rules treat it alike, as unknown and never a violation.
 */
export function unknown(at: Range): TaggedNode {
  const value = scalar(null, at);
  const node: TaggedNode = { kind: "tagged", tag: UNKNOWN_AFTER_APPLY, value, start: at.start, end: at.end };
  value.parent = node;
  return node;
}

export function isUnknown(node: Node): boolean {
  return node.kind === "tagged" && node.tag === UNKNOWN_AFTER_APPLY;
}

export function seq(items: Node[], at: Range): SeqNode {
  const node: SeqNode = { kind: "seq", items, start: at.start, end: at.end };
  items.forEach((item, index) => {
    adopt(item, node, index);
  });
  return node;
}

export function map(entries: MapEntry[], at: Range): MapNode {
  const node: MapNode = { kind: "map", entries, start: at.start, end: at.end };
  for (const item of entries) adopt(item.value, node, item.key);
  return node;
}

export function mapEntry(key: string, keyAt: Range, value: Node): MapEntry {
  return { key, keyNode: scalar(key, keyAt), value };
}

export function adopt(child: Node, parent: MapNode | SeqNode | TaggedNode, key: string | number): void {
  child.parent = parent;
  child.key = key;
}

type Carrier = (from: Node, to: Node) => void;

/** What copy() passes on from each node to its copy besides the node itself: marks kept beside it. */
const carriers: Carrier[] = [carryIncluded];

export function carryOnCopy(carrier: Carrier): void {
  carriers.push(carrier);
}

/** A deep copy, so a value referenced twice (a local, a variable) has one parent per place. */
export function copy(node: Node): Node {
  const result = copyNode(node);
  for (const carry of carriers) carry(node, result);
  return result;
}

function copyNode(node: Node): Node {
  switch (node.kind) {
    case "scalar":
      return scalar(node.value, node);
    case "seq":
      return seq(node.items.map(copy), node);
    case "map":
      return map(
        node.entries.map((item) => ({
          key: item.key,
          keyNode: scalar(item.key, item.keyNode),
          value: copy(item.value),
        })),
        node,
      );
    case "tagged": {
      const value = copy(node.value);
      const tagged: TaggedNode = { kind: "tagged", tag: node.tag, value, start: node.start, end: node.end };
      value.parent = tagged;
      return tagged;
    }
  }
}

/** Moves every offset of a tree parsed from a slice of the file by the slice's start. */
export function shift(node: Node, by: number): void {
  node.start += by;
  node.end += by;
  if (node.kind === "map")
    for (const item of node.entries) {
      shift(item.keyNode, by);
      shift(item.value, by);
    }
  else if (node.kind === "seq") for (const item of node.items) shift(item, by);
  else if (node.kind === "tagged") shift(node.value, by);
}

/** Puts `replacement` where `node` is in its parent. */
export function replaceNode(node: Node, replacement: Node): void {
  const { parent, key } = node;
  if (!parent || key === undefined) return;
  adopt(replacement, parent, key);
  if (parent.kind === "seq" && typeof key === "number") parent.items[key] = replacement;
  else if (parent.kind === "map") {
    const item = parent.entries.find((candidate) => candidate.value === node);
    if (item) item.value = replacement;
  } else if (parent.kind === "tagged") parent.value = replacement;
}
