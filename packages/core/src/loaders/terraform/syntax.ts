import { DEFAULT_READER_LIMITS } from "../../document/limits.js";

/**
 * The HCL syntax tree the Terraform loader reads, and the parser it needs. The parser is injected
 * (core does no I/O and loads no WebAssembly): the CLI hands in web-tree-sitter with the
 * tree-sitter-hcl grammar (https://github.com/tree-sitter-grammars/tree-sitter-hcl), whose nodes
 * have the shape below. Offsets are UTF-16 code units into the file text, as in every located node.
 */
export interface SyntaxNode {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly text: string;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly children: readonly (SyntaxNode | null)[];
  readonly namedChildren: readonly (SyntaxNode | null)[];
}

/** An initialised parser: web-tree-sitter's Parser with the HCL language set fits this. */
export interface TerraformParser {
  /** The tree is freed with delete() when it has one (web-tree-sitter's trees live in WebAssembly memory). */
  parse(text: string): { readonly rootNode: SyntaxNode; delete?(): void } | null;
}

export type LiteralValue = string | number | boolean | null;

interface Located {
  start: number;
  end: number;
}

export type TemplatePart = (Located & { literal: string }) | (Located & { interpolation: HclExpression });

export type TraversalStep = (Located & { attr: string }) | (Located & { index: HclExpression });

export type HclExpression = Located &
  (
    | { kind: "literal"; value: LiteralValue }
    /** A quoted string or a heredoc (whose literal text is the file's own characters: no escapes). */
    | { kind: "template"; parts: TemplatePart[]; heredoc: boolean }
    | { kind: "tuple"; items: HclExpression[] }
    | { kind: "object"; items: { key: HclExpression; value: HclExpression }[] }
    | { kind: "traversal"; root: string; rootEnd: number; steps: TraversalStep[] }
    /** Steps after a value that is not a variable: `f(x)[0]`, `(local.a).b` */
    | { kind: "postfix"; base: HclExpression; steps: TraversalStep[] }
    | { kind: "unary"; operator: string; operand: HclExpression }
    | { kind: "binary"; operator: string; left: HclExpression; right: HclExpression }
    | {
        kind: "for";
        keyName?: string;
        valueName: string;
        collection: HclExpression;
        /** Present for `{ for ... : key => value }` */
        key?: HclExpression;
        value: HclExpression;
        condition?: HclExpression;
      }
    | { kind: "call"; name: string; args: HclExpression[] }
    | { kind: "conditional"; condition: HclExpression; whenTrue: HclExpression; whenFalse: HclExpression }
    /** Anything the loader does not evaluate: operators, for expressions, splats, directives, errors. */
    | { kind: "dynamic" }
  );

export interface HclAttribute extends Located {
  name: string;
  value: HclExpression;
}

export interface HclBlock extends Located {
  type: string;
  labels: string[];
  body: HclBody;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** Where a file stops parsing, when its structure (not just one expression) is broken. */
export interface HclSyntaxProblem {
  message: string;
  offset: number;
}

/** Thrown past DEFAULT_READER_LIMITS.maxDepth: deeper nesting would run the readers out of stack. */
class TooDeep extends Error {
  constructor(readonly offset: number) {
    super(`nesting deeper than ${DEFAULT_READER_LIMITS.maxDepth} levels`);
  }
}

let depth = 0;

function enter(node: SyntaxNode): void {
  if (++depth > DEFAULT_READER_LIMITS.maxDepth) throw new TooDeep(node.startIndex);
}

export function readHclFile(root: SyntaxNode): { body: HclBody; problem?: HclSyntaxProblem } {
  const bodyNode = named(root).find((child) => child.type === "body");
  const structural = root.hasError ? structuralProblem(root) : undefined;
  let body: HclBody = { attributes: [], blocks: [] };
  depth = 0;
  try {
    if (bodyNode) body = readBody(bodyNode);
  } catch (error) {
    if (error instanceof TooDeep) return { body, problem: { message: error.message, offset: error.offset } };
    throw error;
  }
  if (structural) return { body, problem: { message: describeProblem(structural), offset: structural.startIndex } };
  return { body };
}

/**
 * The first break in the file's blocks and attributes. One inside an attribute's expression only
 * makes that value unknown: the grammar lacks a few rare forms Terraform accepts (`1e3`).
 */
function structuralProblem(node: SyntaxNode, level = 0): SyntaxNode | undefined {
  for (const child of node.children) {
    if (!child) continue;
    if (isBroken(child) || level > DEFAULT_READER_LIMITS.maxDepth) return child;
    if (child.hasError && child.type !== "expression") {
      const inner = structuralProblem(child, level + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

function isBroken(node: SyntaxNode | null): boolean {
  return node !== null && (node.type === "ERROR" || node.isMissing);
}

function describeProblem(node: SyntaxNode): string {
  if (node.isMissing) return `expected ${JSON.stringify(node.type)}`;
  const found = node.text.slice(0, 20).replace(/\s+/g, " ");
  return `unexpected ${JSON.stringify(found)}`;
}

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null);
}

function readBody(node: SyntaxNode): HclBody {
  enter(node);
  try {
    return readBodyItems(node);
  } finally {
    depth--;
  }
}

function readBodyItems(node: SyntaxNode): HclBody {
  const body: HclBody = { attributes: [], blocks: [] };
  for (const child of named(node)) {
    if (child.type === "attribute") {
      const [name, value] = named(child);
      if (name && value)
        body.attributes.push({
          name: name.text,
          value: readExpression(value),
          start: child.startIndex,
          end: child.endIndex,
        });
    } else if (child.type === "block") {
      const parts = named(child);
      const inner = parts.find((part) => part.type === "body");
      body.blocks.push({
        type: parts[0]?.text ?? "",
        labels: parts.slice(1).flatMap((part) => {
          if (part.type === "identifier") return [part.text];
          if (part.type === "string_lit") return [templateLiteralText(part)];
          return [];
        }),
        body: inner ? readBody(inner) : { attributes: [], blocks: [] },
        start: child.startIndex,
        end: child.endIndex,
      });
    }
  }
  return body;
}

function dynamic(node: SyntaxNode): HclExpression {
  return { kind: "dynamic", start: node.startIndex, end: node.endIndex };
}

export function readExpression(node: SyntaxNode): HclExpression {
  enter(node);
  try {
    return readExpressionNode(node);
  } finally {
    depth--;
  }
}

function readExpressionNode(node: SyntaxNode): HclExpression {
  if (node.hasError) return dynamic(node);
  const children = named(node);
  if (node.type === "expression") {
    // `(expr)`; a value followed by traversal steps; or a wrapper of one node.
    if (children.length === 1 && node.children[0]?.type === "(") return readExpression(children[0]!);
    return operand(node, children);
  }
  const at = { start: node.startIndex, end: node.endIndex };
  switch (node.type) {
    case "literal_value":
    case "collection_value":
    case "template_expr":
      return children.length === 1 ? readExpression(children[0]!) : dynamic(node);
    case "numeric_lit": {
      const value = Number(node.text);
      return Number.isFinite(value) ? { kind: "literal", value, ...at } : dynamic(node);
    }
    case "bool_lit":
      return { kind: "literal", value: node.text === "true", ...at };
    case "null_lit":
      return { kind: "literal", value: null, ...at };
    case "string_lit":
    case "quoted_template":
      return template(node, false);
    case "heredoc_template":
      return template(node, true);
    case "tuple":
      return {
        kind: "tuple",
        items: children.filter((child) => child.type === "expression").map(readExpression),
        ...at,
      };
    case "object":
      return {
        kind: "object",
        items: children
          .filter((child) => child.type === "object_elem")
          .flatMap((element) => {
            const [key, value] = named(element);
            return key && value ? [{ key: objectKey(key), value: readExpression(value) }] : [];
          }),
        ...at,
      };
    case "function_call": {
      const [name, args] = children;
      if (!name) return dynamic(node);
      const argNodes = args?.type === "function_arguments" ? named(args) : [];
      // `f(list...)` spreads a list into arguments: not evaluated.
      if (argNodes.some((arg) => arg.type === "ellipsis")) return dynamic(node);
      return { kind: "call", name: name.text, args: argNodes.map(readExpression), ...at };
    }
    case "operation":
      return children.length === 1 ? readExpression(children[0]!) : dynamic(node);
    case "unary_operation": {
      const operator = node.children.find((child) => child !== null && !child.isNamed)?.text;
      return operator ? { kind: "unary", operator, operand: operand(node, children), ...at } : dynamic(node);
    }
    case "binary_operation": {
      const all = node.children.filter((child): child is SyntaxNode => child !== null);
      const split = all.findIndex((child) => !child.isNamed);
      if (split <= 0) return dynamic(node);
      const left = all.slice(0, split);
      const right = all.slice(split + 1);
      return { kind: "binary", operator: all[split]!.text, left: operand(node, left), right: operand(node, right), ...at };
    }
    case "for_expr":
      return children.length === 1 ? forExpression(children[0]!) : dynamic(node);
    case "conditional": {
      const [condition, whenTrue, whenFalse] = children;
      if (!condition || !whenTrue || !whenFalse) return dynamic(node);
      return {
        kind: "conditional",
        condition: readExpression(condition),
        whenTrue: readExpression(whenTrue),
        whenFalse: readExpression(whenFalse),
        ...at,
      };
    }
    default:
      return dynamic(node);
  }
}

/** An object key: a bare identifier is the key's name, not a variable. */
function objectKey(node: SyntaxNode): HclExpression {
  const children = named(node);
  const only = children.length === 1 ? children[0]! : undefined;
  if (only?.type === "variable_expr")
    return { kind: "literal", value: only.text, start: only.startIndex, end: only.endIndex };
  return readExpression(node);
}

/** A value and the steps after it, as the grammar lists them side by side. */
function operand(node: SyntaxNode, children: SyntaxNode[]): HclExpression {
  const [first] = children;
  if (!first) return dynamic(node);
  if (first.type === "variable_expr") return traversal(node, children);
  if (children.length === 1) return readExpression(first);
  const steps = readSteps(children.slice(1));
  if (!steps) return dynamic(node);
  return { kind: "postfix", base: readExpression(first), steps, start: first.startIndex, end: children[children.length - 1]!.endIndex };
}

function forExpression(node: SyntaxNode): HclExpression {
  const parts = named(node);
  const intro = parts.find((part) => part.type === "for_intro");
  const condition = parts.find((part) => part.type === "for_cond");
  const bodies = parts.filter((part) => part.type === "expression");
  if (!intro || parts.some((part) => part.type === "ellipsis")) return dynamic(node);
  const names = named(intro).filter((part) => part.type === "identifier").map((part) => part.text);
  const collection = named(intro).find((part) => part.type === "expression");
  const conditionExpression = condition ? named(condition).find((part) => part.type === "expression") : undefined;
  const object = node.type === "for_object_expr";
  if (!collection || names.length === 0 || bodies.length !== (object ? 2 : 1)) return dynamic(node);
  return {
    kind: "for",
    ...(names.length === 2 ? { keyName: names[0]! } : {}),
    valueName: names[names.length - 1]!,
    collection: readExpression(collection),
    ...(object ? { key: readExpression(bodies[0]!) } : {}),
    value: readExpression(bodies[bodies.length - 1]!),
    ...(conditionExpression ? { condition: readExpression(conditionExpression) } : {}),
    start: node.startIndex,
    end: node.endIndex,
  };
}

function traversal(node: SyntaxNode, children: SyntaxNode[]): HclExpression {
  const root = children[0]!;
  const steps = readSteps(children.slice(1));
  if (!steps) return dynamic(node);
  const end = children[children.length - 1]!.endIndex;
  return { kind: "traversal", root: root.text, rootEnd: root.endIndex, steps, start: root.startIndex, end };
}

/** get_attr and index steps; undefined for a splat, which is not evaluated. */
function readSteps(nodes: SyntaxNode[]): TraversalStep[] | undefined {
  const steps: TraversalStep[] = [];
  for (const step of nodes) {
    const at = { start: step.startIndex, end: step.endIndex };
    if (step.type === "get_attr") {
      const name = named(step)[0];
      if (!name) return undefined;
      steps.push({ attr: name.text, ...at });
    } else if (step.type === "index") {
      const inner = named(step)[0];
      if (inner?.type === "new_index") {
        const expression = named(inner)[0];
        if (!expression) return undefined;
        steps.push({ index: readExpression(expression), ...at });
      } else if (inner?.type === "legacy_index") {
        const value = Number(inner.text.replace(/^\./, ""));
        steps.push({ index: { kind: "literal", value, ...at }, ...at });
      } else return undefined;
    } else return undefined; // splats
  }
  return steps;
}

function template(node: SyntaxNode, heredoc: boolean): HclExpression {
  const parts: TemplatePart[] = [];
  for (const child of named(node)) {
    const at = { start: child.startIndex, end: child.endIndex };
    if (child.type === "template_literal")
      parts.push({ literal: heredoc ? unescapeHeredoc(child.text) : unescapeQuoted(child.text), ...at });
    else if (child.type === "template_interpolation") {
      const expression = named(child).find((part) => part.type === "expression");
      if (!expression) return dynamic(node);
      parts.push({ interpolation: readExpression(expression), ...at });
    } else if (child.type === "template_directive") return dynamic(node);
  }
  return { kind: "template", parts, heredoc, start: node.startIndex, end: node.endIndex };
}

function templateLiteralText(node: SyntaxNode): string {
  return named(node)
    .filter((child) => child.type === "template_literal")
    .map((child) => unescapeQuoted(child.text))
    .join("");
}

const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/** HCL's quoted-string escapes (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md#template-expressions). */
function unescapeQuoted(text: string): string {
  return text
    .replace(
      /\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g,
      (whole, short?: string, long?: string, single?: string) => {
        const code = short ?? long;
        if (code) return String.fromCodePoint(Number.parseInt(code, 16));
        return escapes[single!] ?? whole;
      },
    )
    .replace(/\$\$\{/g, "${")
    .replace(/%%\{/g, "%{");
}

/** Heredocs take no backslash escapes; only the doubled template markers. */
function unescapeHeredoc(text: string): string {
  return text.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}
