import { type IncludedFile, markIncluded } from "../../document/included.js";
import { anchorAt, type Node } from "../../document/node.js";
import { parseJson, SyntaxProblem } from "../../document/parse-json.js";
import { carryOnCopy, isUnknown, type Range, replaceNode, scalar, shift, unknown } from "./located.js";

/**
 * Text that JSON may be read from, with holes where a template interpolates a value: a heredoc
 * with `${...}`, the rendering of templatefile(), the contents of file(). A known hole is filled
 * with its value, an unknown one leaves the JSON value it falls in unknown.
 */
export interface TextWithHoles {
  text: string;
  /** Spans of `text` each filled by a value. */
  holes: (Range & { value: Node })[];
  /** The offset of `text` in the file when its characters are the file's own (a heredoc); else the JSON is anchored at the expression. */
  base?: number;
  /** The file `text` is the whole of (file()): JSON read from it points into that file. */
  included?: IncludedFile;
}

const texts = new WeakMap<Node, TextWithHoles>();
const encoded = new WeakSet<Node>();

carryOnCopy((from, to) => {
  const text = texts.get(from);
  if (text) texts.set(to, text);
  if (encoded.has(from)) encoded.add(to);
});

/** Remembers the text behind a string value (or behind an unknown one, when holes made it unknown). */
export function withText<T extends Node>(node: T, text: TextWithHoles): T {
  texts.set(node, text);
  return node;
}

export function textOf(node: Node): TextWithHoles | undefined {
  return texts.get(node);
}

const MARKER_BASE = 0xe000;
const MAX_HOLES = 0x1800;

export type JsonRead = { node: Node; error?: undefined } | { node?: undefined; error: string };

/**
 * Reads JSON from text with holes. Each hole becomes a run of one private-use character as long
 * as the hole (inside a JSON string) or such a run in quotes (elsewhere), so offsets still match
 * the text; after parsing, a string holding markers is given the holes' values, or made unknown.
 */
export function readJson(source: TextWithHoles, host: Node): JsonRead | undefined {
  if (source.holes.length > MAX_HOLES) return undefined;
  let json = "";
  let cursor = 0;
  let inString = false;
  let escaped = false;
  const scan = (segment: string) => {
    for (const char of segment) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = inString;
      else if (char === '"') inString = !inString;
    }
  };
  source.holes.forEach((hole, index) => {
    const segment = source.text.slice(cursor, hole.start);
    scan(segment);
    json += segment;
    const length = Math.max(hole.end - hole.start, 3);
    const marker = String.fromCharCode(MARKER_BASE + index);
    json += inString ? marker.repeat(length) : `"${marker.repeat(length - 2)}"`;
    cursor = hole.end;
  });
  json += source.text.slice(cursor);
  let node: Node;
  try {
    node = parseJson(json);
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { error: `${error.message} (character ${error.offset + 1} of the JSON)` };
    throw error;
  }
  const exact = json.length === source.text.length;
  if (exact && source.included) markIncluded(node, source.included);
  else if (exact && source.base !== undefined) shift(node, source.base);
  else anchorAt(node, host);
  node.parent = host.parent;
  node.key = host.key;
  return { node: source.holes.length ? fillHoles(node, source) : node };
}

function fillHoles(root: Node, source: TextWithHoles): Node {
  let result = root;
  const visit = (node: Node) => {
    if (node.kind === "map") for (const item of [...node.entries]) visit(item.value);
    else if (node.kind === "seq") for (const item of [...node.items]) visit(item);
    else if (node.kind === "scalar" && typeof node.value === "string" && hasMarker(node.value)) {
      const filled = fill(node.value, source, node);
      if (node === result) result = filled;
      else replaceNode(node, filled);
    }
  };
  visit(root);
  return result;
}

function hasMarker(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isMarker(text.charCodeAt(i))) return true;
  return false;
}

function isMarker(code: number): boolean {
  return code >= MARKER_BASE && code < MARKER_BASE + MAX_HOLES;
}

function fill(text: string, source: TextWithHoles, at: Node): Node {
  const runs = [...text.matchAll(/[\ue000-\uf7ff]+/g)];
  const values = runs.map((run) => source.holes[run[0].charCodeAt(0) - MARKER_BASE]?.value);
  if (values.some((value) => value?.kind !== "scalar")) return unknown(at);
  // A string that is one hole and nothing else takes the hole's value as it is (a number stays a number).
  if (runs.length === 1 && runs[0]![0] === text) return scalar((values[0] as { value: string }).value, at);
  let index = 0;
  const filled = text.replace(/[\ue000-\uf7ff]+/g, () => String((values[index++] as { value: unknown }).value ?? ""));
  return scalar(filled, at);
}

/** The text behind a node: the string's own value, or what withText recorded. */
export function sourceText(node: Node): TextWithHoles | undefined {
  const recorded = textOf(node);
  if (recorded) return recorded;
  if (node.kind === "scalar" && typeof node.value === "string") return { text: node.value, holes: [] };
  return undefined;
}

/** Whether a value can be read as JSON at all: a known string, or an unknown one with its text. */
export function readJsonValue(node: Node): JsonRead | undefined {
  if (isUnknown(node) && !textOf(node)) return undefined;
  const source = sourceText(node);
  return source ? readJson(source, node) : undefined;
}

/** Marks the value of jsonencode(...): text in a template, a value to whatever reads JSON. */
export function markEncoded<T extends Node>(node: T): T {
  encoded.add(node);
  return node;
}

export function isEncoded(node: Node): boolean {
  return encoded.has(node);
}

/** A value as JSON text, each unknown value in it a hole. */
export function encodeJson(node: Node): TextWithHoles {
  const holes: TextWithHoles["holes"] = [];
  let text = "";
  const write = (value: Node) => {
    if (value.kind === "scalar") text += JSON.stringify(value.value);
    else if (value.kind === "seq") {
      text += "[";
      value.items.forEach((item, index) => {
        if (index) text += ",";
        write(item);
      });
      text += "]";
    } else if (value.kind === "map") {
      text += "{";
      value.entries.forEach((item, index) => {
        if (index) text += ",";
        text += `${JSON.stringify(item.key)}:`;
        write(item.value);
      });
      text += "}";
    } else {
      const start = text.length;
      text += "null";
      holes.push({ start, end: text.length, value });
    }
  };
  write(node);
  return { text, holes };
}
