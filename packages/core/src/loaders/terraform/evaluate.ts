import { anchorAt, entry, type MapEntry, type Node } from "../../document/node.js";
import { scalarNumber, scalarString } from "../../model/obj.js";
import { callFunction } from "./functions.js";
import { copy, isUnknown, map, mapEntry, type Range, scalar, seq, unknown } from "./located.js";
import { relativePath } from "./paths.js";
import type { HclAttribute, HclBlock, HclBody, HclExpression, TraversalStep } from "./syntax.js";
import { type TextWithHoles, withText } from "./text-with-holes.js";

/**
 * Reads a file that file() or templatefile() names, by its path relative to the same place the
 * linted files' names are (the working directory); undefined when it cannot or may not be read.
 */
export type FileReader = (path: string) => string | undefined;

export interface TerraformFile {
  file: string;
  text: string;
  body: HclBody;
}

export interface ResourceDeclaration {
  type: string;
  name: string;
  block: HclBlock;
  file: TerraformFile;
}

/** The .tf files of one directory: Terraform reads them as one module. */
export interface ModuleUnit {
  dir: string;
  files: TerraformFile[];
  variables: Map<string, { file: TerraformFile; block: HclBlock }>;
  locals: Map<string, { file: TerraformFile; attribute: HclAttribute }>;
  /** `type.name` -> the resource block */
  resources: Map<string, ResourceDeclaration>;
  moduleCalls: { name: string; block: HclBlock; file: TerraformFile }[];
}

/** A module as one call instantiates it: the root module, or a local module with the call's arguments. */
export interface ModuleInstance {
  unit: ModuleUnit;
  /** `""` for the root module, `module.web.` inside `module "web"` */
  prefix: string;
  /** The directory of the root module, against which Terraform resolves relative file paths. */
  rootDir: string;
  /** The module call's arguments, evaluated where the call is (unknown when not static). */
  inputs: Map<string, Node>;
  readFile: FileReader | undefined;
}

export interface EvalContext {
  instance: ModuleInstance;
  file: TerraformFile;
  /** Collects the resources (addresses) an expression references. */
  references?: Set<string>;
  /** Locals and resource arguments being evaluated, to stop at cycles. */
  evaluating: ReadonlySet<string>;
}

const MAX_DEPTH = 64;

export function evaluate(expression: HclExpression, context: EvalContext): Node {
  if (context.evaluating.size > MAX_DEPTH) return unknown(expression);
  switch (expression.kind) {
    case "literal":
      return scalar(expression.value, expression);
    case "template":
      return template(expression, context);
    case "tuple":
      return seq(
        expression.items.map((item) => evaluate(item, context)),
        expression,
      );
    case "object": {
      const entries: MapEntry[] = [];
      for (const item of expression.items) {
        const key = scalarString(evaluate(item.key, context));
        if (key === undefined) return unknown(expression);
        entries.push(mapEntry(key, item.key, evaluate(item.value, context)));
      }
      return map(entries, expression);
    }
    case "traversal":
      return traversal(expression, context);
    case "call":
      return callFunction(expression, context);
    case "conditional": {
      const condition = evaluate(expression.condition, context);
      if (condition.kind !== "scalar" || typeof condition.value !== "boolean") {
        // Still collect what both branches reference, as Terraform's configuration does.
        evaluate(expression.whenTrue, context);
        evaluate(expression.whenFalse, context);
        return unknown(expression);
      }
      return evaluate(condition.value ? expression.whenTrue : expression.whenFalse, context);
    }
    case "dynamic":
      return unknown(expression);
  }
}

function template(expression: Extract<HclExpression, { kind: "template" }>, context: EvalContext): Node {
  const { parts } = expression;
  // A heredoc's characters are the file's own (no escapes), so JSON read from it keeps exact offsets.
  const base = expression.heredoc && parts.length ? parts[0]!.start : undefined;
  let text = "";
  let value = "";
  const holes: TextWithHoles["holes"] = [];
  let known = true;
  for (const part of parts) {
    if ("literal" in part) {
      value += part.literal;
      text += part.literal;
      continue;
    }
    const filled = evaluate(part.interpolation, context);
    const filler = filled.kind === "scalar" && filled.value !== null ? String(filled.value) : undefined;
    if (filler === undefined) known = false;
    value += filler ?? "";
    const start = base === undefined ? text.length : part.start - base;
    text += filler ?? EMPTY_HOLE;
    holes.push({ start, end: base === undefined ? text.length : part.end - base, value: filled });
  }
  if (base !== undefined) text = context.file.text.slice(base, parts[parts.length - 1]!.end);
  const source: TextWithHoles = { text, holes, base };
  return withText(known ? scalar(value, expression) : unknown(expression), source);
}

function traversal(expression: Extract<HclExpression, { kind: "traversal" }>, context: EvalContext): Node {
  const { root, steps } = expression;
  const [first, ...rest] = steps;
  const name = first && "attr" in first ? first.attr : undefined;
  const { instance } = context;
  if (name === undefined) return unknown(expression);
  if (root === "var") return applySteps(variable(name, expression, context), rest, expression, context);
  if (root === "local") return applySteps(local(name, expression, context), rest, expression, context);
  if (root === "path") {
    if (name === "module") return scalar(relativePath(instance.rootDir, instance.unit.dir), expression);
    if (name === "root") return scalar(".", expression);
    return unknown(expression);
  }
  const resource = instance.unit.resources.get(`${root}.${name}`);
  if (!resource) return unknown(expression);
  context.references?.add(`${instance.prefix}${root}.${name}`);
  const [attribute, ...after] = rest;
  if (!attribute || !("attr" in attribute)) return unknown(expression);
  return applySteps(resourceArgument(resource, attribute.attr, expression, context), after, expression, context);
}

function variable(name: string, at: Range, context: EvalContext): Node {
  const { instance } = context;
  const input = instance.inputs.get(name);
  if (input) return anchorAt(copy(input), scalar(null, at));
  const declared = instance.unit.variables.get(name);
  const fallback = declared?.block.body.attributes.find((attribute) => attribute.name === "default");
  if (!declared || !fallback) return unknown(at);
  // A default is a constant: it references nothing.
  const value = evaluate(fallback.value, { instance, file: declared.file, evaluating: context.evaluating });
  return declared.file === context.file ? value : anchorAt(value, scalar(null, at));
}

function local(name: string, at: Range, context: EvalContext): Node {
  const key = `local.${name}`;
  const declared = context.instance.unit.locals.get(name);
  if (!declared || context.evaluating.has(key)) return unknown(at);
  const value = evaluate(declared.attribute.value, {
    ...context,
    file: declared.file,
    evaluating: new Set([...context.evaluating, key]),
  });
  return declared.file === context.file ? value : anchorAt(value, scalar(null, at));
}

/** An argument of another resource of the module, when it is set there (`aws_ecr_repository.app.name`). */
function resourceArgument(resource: ResourceDeclaration, name: string, at: Range, context: EvalContext): Node {
  const key = `${resource.type}.${resource.name}.${name}`;
  const attribute = resource.block.body.attributes.find((candidate) => candidate.name === name);
  if (!attribute || context.evaluating.has(key)) return unknown(at);
  const value = evaluate(attribute.value, {
    instance: context.instance,
    file: resource.file,
    evaluating: new Set([...context.evaluating, key]),
  });
  return resource.file === context.file ? value : anchorAt(value, scalar(null, at));
}

function applySteps(value: Node, steps: TraversalStep[], at: Range, context: EvalContext): Node {
  let current = value;
  for (const step of steps) {
    if (isUnknown(current)) return current;
    let next: Node | undefined;
    if ("attr" in step) next = current.kind === "map" ? entry(current, step.attr) : undefined;
    else {
      const index = evaluate(step.index, context);
      if (current.kind === "seq") {
        const position = scalarNumber(index);
        next = position === undefined ? undefined : current.items[position];
      } else if (current.kind === "map") {
        const key = scalarString(index);
        next = key === undefined ? undefined : entry(current, key);
      }
    }
    if (!next) return unknown(at);
    current = next;
  }
  if (current !== value) {
    current.parent = undefined;
    current.key = undefined;
  }
  return current;
}

/** A block body as a map node, the shape a plan's `values` has: nested blocks as lists of maps. */
export function bodyToMap(
  body: HclBody,
  at: Range,
  context: EvalContext,
  skipped: ReadonlySet<string> = noNames,
): Node {
  const entries: MapEntry[] = [];
  for (const attribute of body.attributes) {
    if (skipped.has(attribute.name)) continue;
    entries.push(
      mapEntry(
        attribute.name,
        { start: attribute.start, end: attribute.start + attribute.name.length },
        evaluate(attribute.value, context),
      ),
    );
  }
  const byType = new Map<string, HclBlock[]>();
  for (const block of body.blocks) {
    if (skipped.has(block.type)) continue;
    // `dynamic "setting" { for_each = ...; content { ... } }` makes setting blocks known only to Terraform.
    const type = block.type === "dynamic" ? (block.labels[0] ?? "") : block.type;
    byType.set(type, [...(byType.get(type) ?? []), block]);
  }
  for (const [type, blocks] of byType) {
    const range = { start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end };
    const keyAt = { start: blocks[0]!.start, end: blocks[0]!.start + blocks[0]!.type.length };
    const value = blocks.some((block) => block.type === "dynamic")
      ? unknown(range)
      : seq(
          blocks.map((block) => bodyToMap(block.body, block, context)),
          range,
        );
    entries.push(mapEntry(type, keyAt, value));
  }
  return map(entries, at);
}

/** What an unknown interpolation leaves in the text: a span for its hole. */
const EMPTY_HOLE = "$" + "{}";

const noNames: ReadonlySet<string> = new Set();
