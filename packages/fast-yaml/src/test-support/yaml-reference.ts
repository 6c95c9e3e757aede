import { isAlias, isMap, isPair, isScalar, isSeq, Parser, parseDocument } from "yaml";
import type { ParsedNode } from "yaml";
import type { MapNode, Node, ScalarNode, SeqNode } from "../node.js";
import { closingQuote, IndentedQuotedLines } from "../quoted-lines.js";

/**
 * The oracle the fast reader is tested against: the tree the `yaml` package reads from a text, in
 * the located-tree form @shipshape/core's fallback builds (a short-form tag's node starts at the
 * tag, an empty value is a null at its key's end). Throws on any error the package reports, and
 * on aliases, which the fast reader never reads. A quoted scalar whose continuation lines the
 * package finds under-indented is read as PyYAML reads it, its lines indented for the package.
 */
export function referenceTree(text: string): Node {
  const source = new IndentedQuotedLines(text);
  for (let attempt = 0; ; attempt++) {
    const document = parseDocument(source.text, { uniqueKeys: false, strict: false });
    const error = document.errors[0];
    // Any error, not only the first: an under-indented continuation line may first be read as an
    // item or key of its own, the unclosed quote reported after it.
    const unclosed = document.errors.some(
      ({ code, message }) => code === "MISSING_CHAR" && /^Missing closing/.test(message),
    );
    if (unclosed && attempt < 64 && source.indentQuoted(unclosedQuote(source.text))) continue;
    if (error) throw new Error(`the yaml package refuses the text: ${error.message.split("\n")[0]}`);
    if (!document.contents) return { kind: "scalar", value: null, start: 0, end: 0 };
    return located(document.contents, source.text, (offset) => source.toOriginal(offset));
  }
}

/** The first quoted scalar token of the package's reading that stops short of its closing quote. */
function unclosedQuote(text: string): number {
  const tokens: unknown[] = Array.from(new Parser().parse(text));
  while (tokens.length > 0) {
    const token = tokens.shift();
    if (token === null || typeof token !== "object") continue;
    const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
    if ((type === "double-quoted-scalar" || type === "single-quoted-scalar") && typeof offset === "number") {
      const close = closingQuote(text, offset);
      if (typeof source === "string" && close !== -1 && offset + source.length <= close) return offset;
    } else tokens.unshift(...(Array.isArray(token) ? token : Object.values(token)));
  }
  return -1;
}

function located(yamlNode: ParsedNode, text: string, original: (offset: number) => number): Node {
  const start = original(yamlNode.range[0]);
  const end = original(yamlNode.range[1]);
  let node: Node;
  if (isMap(yamlNode)) {
    const map: MapNode = { kind: "map", entries: [], start, end };
    for (const pair of yamlNode.items) {
      if (!isPair(pair)) continue;
      const keySource = pair.key as ParsedNode | null;
      const key = keySource && isScalar(keySource) ? String(keySource.value) : String(keySource ?? "");
      const keyStart = keySource ? original(keySource.range[0]) : start;
      const keyEnd = keySource ? original(keySource.range[1]) : start;
      const keyNode: ScalarNode = { kind: "scalar", value: key, start: keyStart, end: keyEnd, parent: map, key };
      const value: Node = pair.value
        ? located(pair.value as ParsedNode, text, original)
        : { kind: "scalar", value: null, start: keyEnd, end: keyEnd };
      value.parent = map;
      value.key = key;
      map.entries.push({ key, keyNode, value });
    }
    node = map;
  } else if (isSeq(yamlNode)) {
    const seq: SeqNode = { kind: "seq", items: [], start, end };
    for (const item of yamlNode.items) {
      const child = located(item as ParsedNode, text, original);
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
  let tagStart = yamlNode.range[0];
  while (tagStart > 0 && /\s/.test(text[tagStart - 1]!)) tagStart--;
  tagStart = text.startsWith(tag, tagStart - tag.length) ? tagStart - tag.length : yamlNode.range[0];
  const tagged: Node = { kind: "tagged", tag: tag.slice(1), value: node, start: original(tagStart), end };
  node.parent = tagged;
  return tagged;
}
