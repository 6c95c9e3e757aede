import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { Alias, Document, ParsedNode } from "yaml";
import type { MapNode, Node, ScalarNode, SeqNode } from "./node.js";
import { parseYamlFast } from "@shipshape/fast-yaml";
import { SyntaxProblem } from "./parse-json.js";

type YamlNode = ParsedNode | Alias.Parsed;

/**
 * YAML, CloudFormation's short-form tags (`!Ref`, `!Sub`, `!GetAtt` ...) included: a tag the YAML
 * schema does not know is kept as a tagged node instead of being resolved, so rules can tell an
 * intrinsic function (a value unknown until deploy) from a literal. The fast reader handles the
 * YAML templates are written in; what it declines goes through the `yaml` package, same tree.
 */
export function parseYaml(text: string): Node {
  return parseYamlFast(text) ?? parseYamlWithPackage(text);
}

/** The reference path: the `yaml` package, for everything the fast reader declines. */
export function parseYamlWithPackage(text: string): Node {
  const document = parseDocument(text, { uniqueKeys: false, strict: false });
  const error = document.errors[0];
  if (error) throw new SyntaxProblem(firstLine(error.message), error.pos[0]);
  if (!document.contents) return { kind: "scalar", value: null, start: 0, end: 0 };
  return convert(document.contents as YamlNode, document, text, 0);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function convert(yamlNode: YamlNode, document: Document.Parsed, text: string, depth: number): Node {
  if (depth > 512) throw new SyntaxProblem("nesting deeper than 512 levels", yamlNode.range[0]);
  if (isAlias(yamlNode)) {
    const target = yamlNode.resolve(document);
    if (!target || depth > 64) return { kind: "scalar", value: null, start: yamlNode.range[0], end: yamlNode.range[1] };
    return convert(target as YamlNode, document, text, depth + 1);
  }
  const [start, end] = yamlNode.range;
  let node: Node;
  if (isMap(yamlNode)) {
    const map: MapNode = { kind: "map", entries: [], start, end };
    for (const pair of yamlNode.items) {
      if (!isPair(pair)) continue;
      const keySource = pair.key as YamlNode | null;
      const key = keySource && isScalar(keySource) ? String(keySource.value) : String(keySource ?? "");
      const keyRange = keySource?.range ?? [start, start];
      const keyNode: ScalarNode = { kind: "scalar", value: key, start: keyRange[0], end: keyRange[1], parent: map, key };
      const value: Node = pair.value
        ? convert(pair.value as YamlNode, document, text, depth + 1)
        : { kind: "scalar", value: null, start: keyRange[1], end: keyRange[1] };
      value.parent = map;
      value.key = key;
      map.entries.push({ key, keyNode, value });
    }
    node = map;
  } else if (isSeq(yamlNode)) {
    const seq: SeqNode = { kind: "seq", items: [], start, end };
    for (const item of yamlNode.items) {
      const child = convert(item as YamlNode, document, text, depth + 1);
      child.parent = seq;
      child.key = seq.items.length;
      seq.items.push(child);
    }
    node = seq;
  } else {
    const value = (yamlNode as { value: unknown }).value;
    const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
    node = { kind: "scalar", value: typeof value === "bigint" ? Number(value) : scalar, start, end };
  }
  const tag = yamlNode.tag;
  if (tag?.startsWith("!") && !tag.startsWith("!!")) {
    const tagged: Node = { kind: "tagged", tag: tag.slice(1), value: node, start: tagStart(text, start, tag), end };
    node.parent = tagged;
    return tagged;
  }
  return node;
}

/** The YAML parser's range starts after the tag; a finding on `!Ref X` should point at `!Ref`. */
function tagStart(text: string, valueStart: number, tag: string): number {
  let at = valueStart;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return text.startsWith(tag, at - tag.length) ? at - tag.length : valueStart;
}
