import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { ParsedNode } from "yaml";
import type { MapNode, Node, ScalarNode, SeqNode } from "../node.js";

/**
 * The oracle the fast reader is tested against: the tree the `yaml` package reads from a text, in
 * the located-tree form @shipshape/core's fallback builds (a short-form tag's node starts at the
 * tag, an empty value is a null at its key's end). Throws on any error the package reports, and
 * on aliases, which the fast reader never reads.
 */
export function referenceTree(text: string): Node {
  const document = parseDocument(text, { uniqueKeys: false, strict: false });
  const error = document.errors[0];
  if (error) throw new Error(`the yaml package refuses the text: ${error.message.split("\n")[0]}`);
  if (!document.contents) return { kind: "scalar", value: null, start: 0, end: 0 };
  return located(document.contents, text);
}

function located(yamlNode: ParsedNode, text: string): Node {
  const [start, end] = yamlNode.range;
  let node: Node;
  if (isMap(yamlNode)) {
    const map: MapNode = { kind: "map", entries: [], start, end };
    for (const pair of yamlNode.items) {
      if (!isPair(pair)) continue;
      const keySource = pair.key as ParsedNode | null;
      const key = keySource && isScalar(keySource) ? String(keySource.value) : String(keySource ?? "");
      const keyRange = keySource?.range ?? [start, start];
      const keyNode: ScalarNode = { kind: "scalar", value: key, start: keyRange[0], end: keyRange[1], parent: map, key };
      const value: Node = pair.value
        ? located(pair.value as ParsedNode, text)
        : { kind: "scalar", value: null, start: keyRange[1], end: keyRange[1] };
      value.parent = map;
      value.key = key;
      map.entries.push({ key, keyNode, value });
    }
    node = map;
  } else if (isSeq(yamlNode)) {
    const seq: SeqNode = { kind: "seq", items: [], start, end };
    for (const item of yamlNode.items) {
      const child = located(item as ParsedNode, text);
      child.parent = seq;
      child.key = seq.items.length;
      seq.items.push(child);
    }
    node = seq;
  } else if (isAlias(yamlNode)) {
    throw new Error("an alias: outside what the fast reader reads");
  } else {
    const value = (yamlNode as { value: unknown }).value;
    const plain = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
    node = { kind: "scalar", value: typeof value === "bigint" ? Number(value) : plain, start, end };
  }
  const tag = yamlNode.tag;
  if (!tag?.startsWith("!") || tag.startsWith("!!")) return node;
  let tagStart = start;
  while (tagStart > 0 && /\s/.test(text[tagStart - 1]!)) tagStart--;
  tagStart = text.startsWith(tag, tagStart - tag.length) ? tagStart - tag.length : start;
  const tagged: Node = { kind: "tagged", tag: tag.slice(1), value: node, start: tagStart, end };
  node.parent = tagged;
  return tagged;
}
