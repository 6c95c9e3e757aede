import type { Node } from "../../document/node.js";
import { type HclAttribute, type HclBlock, type HclBody, type HclExpression, readExpression, type TerraformParser } from "./syntax.js";

/**
 * Terraform's JSON syntax (`.tf.json`) read into the same syntax tree as native files, so it is
 * evaluated alike: https://developer.hashicorp.com/terraform/language/syntax/json
 * Nested blocks are not told apart from object arguments (that takes the provider's schema): an
 * object stays a map and an array of objects a list of maps, which the model reads as blocks.
 * Strings with `${...}` are templates, parsed by the HCL parser and anchored at the JSON string.
 */
export function readJsonConfiguration(root: Node, parser: TerraformParser): HclBody {
  const body: HclBody = { attributes: [], blocks: [] };
  if (root.kind !== "map") return body;
  for (const { key, value } of root.entries) {
    if (key === "variable" || key === "output" || key === "module")
      for (const [name, item] of members(value)) body.blocks.push(block(key, [name], item, parser));
    else if (key === "locals") for (const item of objects(value)) body.blocks.push(block("locals", [], item, parser));
    else if (key === "resource")
      for (const [type, named] of members(value))
        for (const [name, item] of members(named)) body.blocks.push(block("resource", [type, name], item, parser));
  }
  return body;
}

/** An object's members; a list of objects counts as the union of their members. */
function members(node: Node): [string, Node][] {
  return objects(node).flatMap((item) => (item.kind === "map" ? item.entries.map((entry): [string, Node] => [entry.key, entry.value]) : []));
}

function objects(node: Node): Node[] {
  if (node.kind === "map") return [node];
  if (node.kind === "seq") return node.items.filter((item) => item.kind === "map");
  return [];
}

function block(type: string, labels: string[], node: Node, parser: TerraformParser): HclBlock {
  const attributes: HclAttribute[] = [];
  for (const item of objects(node))
    if (item.kind === "map")
      for (const { key, keyNode, value } of item.entries) {
        if (key === "//" || key === "dynamic") continue;
        attributes.push({ name: key, value: expression(value, parser, key === "type" && type === "variable"), start: keyNode.start, end: value.end });
      }
  return { type, labels, body: { attributes, blocks: [] }, start: node.start, end: node.end };
}

function expression(node: Node, parser: TerraformParser, isType = false): HclExpression {
  const at = { start: node.start, end: node.end };
  switch (node.kind) {
    case "scalar":
      if (typeof node.value !== "string") return { kind: "literal", value: node.value, ...at };
      // A variable's type is an expression written as a string: "map(object({...}))".
      if (isType) return parsed(`x = ${node.value}\n`, node, parser);
      return node.value.includes("${") || node.value.includes("%{") ? parsed(heredoc(node.value), node, parser) : { kind: "literal", value: node.value, ...at };
    case "seq":
      return { kind: "tuple", items: node.items.map((item) => expression(item, parser)), ...at };
    case "map":
      return {
        kind: "object",
        items: node.entries.map((item) => ({
          key: { kind: "literal", value: item.key, start: item.keyNode.start, end: item.keyNode.end },
          value: expression(item.value, parser),
        })),
        ...at,
      };
    default:
      return { kind: "dynamic", ...at };
  }
}

const DELIMITER = "SHIPSHAPE_JSON_STRING";

function heredoc(text: string): string {
  return text.includes(DELIMITER) ? "x = null\n" : `x = <<${DELIMITER}\n${text}\n${DELIMITER}\n`;
}

/** The one attribute's expression of a small HCL text, every position moved onto `host`. */
function parsed(text: string, host: Node, parser: TerraformParser): HclExpression {
  const tree = parser.parse(text);
  const attribute = tree?.rootNode.namedChildren[0]?.namedChildren[0];
  const value = attribute?.type === "attribute" && !attribute.hasError ? attribute.namedChildren[1] : undefined;
  const result: HclExpression = value ? readExpression(value) : { kind: "dynamic", start: host.start, end: host.end };
  tree?.delete?.();
  anchor(result, host);
  // The heredoc's text is not the file's: read as a quoted string, its JSON is anchored, not
  // shifted; and the line break before the closing delimiter is the wrapper's, not the string's.
  if (result.kind === "template") {
    result.heredoc = false;
    const last = result.parts[result.parts.length - 1];
    if (last && "literal" in last) last.literal = last.literal.replace(/\n$/, "");
  }
  return result;
}

function anchor(value: unknown, host: Node): void {
  if (Array.isArray(value)) for (const item of value) anchor(item, host);
  else if (value && typeof value === "object") {
    const located = value as { start?: number; end?: number; rootEnd?: number };
    if (typeof located.start === "number") located.start = host.start;
    if (typeof located.end === "number") located.end = host.end;
    if (typeof located.rootEnd === "number") located.rootEnd = host.end;
    for (const inner of Object.values(value)) if (inner && typeof inner === "object") anchor(inner, host);
  }
}
