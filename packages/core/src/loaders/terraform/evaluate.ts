import { anchorAt, entry, type MapEntry, type Node } from "../../document/node.js";
import { scalarNumber, scalarString } from "../../model/obj.js";
import { callFunction } from "./functions.js";
import { callInstances, childInstance } from "./modules.js";
import { binary, forExpression, MAX_FOR_ITEMS, unary } from "./operators.js";
import { convertToType } from "./types.js";
import { copy, isUnknown, map, mapEntry, type Range, scalar, seq, unknown } from "./located.js";
import { relativePath } from "./paths.js";
import type { HclAttribute, HclBlock, HclBody, HclExpression, TraversalStep } from "./syntax.js";
import { encodeJson, isEncoded, type TextWithHoles, withText } from "./text-with-holes.js";

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
  outputs: Map<string, { file: TerraformFile; block: HclBlock }>;
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
  /** Every module directory of the run, for the module calls of this one. */
  units: ReadonlyMap<string, ModuleUnit>;
  /** The instances of this module's calls, made when first needed (none when not a local module). */
  children: Map<string, ModuleInstance[]>;
  /** `["key"]` or `[0]` for an instance of a call with for_each or count, "" otherwise. */
  key?: string;
  /** Named values already evaluated in this instance (see memoized). */
  memo: Map<string, { node: Node; references: ReadonlySet<string> }>;
  /** Evaluation steps left for the whole load, shared by every instance: past it, values are unknown. */
  budget: { steps: number };
  /**
   * The evaluator itself, handed down so the parts it calls back for sub-expressions (functions,
   * operators, types, modules) reach it through the instance rather than importing it back.
   */
  evaluate: (expression: HclExpression, context: EvalContext) => Node;
}

export interface EvalContext {
  instance: ModuleInstance;
  file: TerraformFile;
  /** Collects the resources (addresses) an expression references. */
  references?: Set<string>;
  /** Locals and resource arguments being evaluated, to stop at cycles. */
  evaluating: ReadonlySet<string>;
  /** The variables of enclosing for expressions. */
  scope?: ReadonlyMap<string, Node>;
}

const MAX_DEPTH = 64;

export function evaluate(expression: HclExpression, context: EvalContext): Node {
  if (context.evaluating.size > MAX_DEPTH || --context.instance.budget.steps < 0) return unknown(expression);
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
    case "postfix":
      return applySteps(evaluate(expression.base, context), expression.steps, expression, context);
    case "unary":
      return unary(expression, context);
    case "binary":
      return binary(expression, context);
    case "for":
      return forExpression(expression, context);
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
    if (base === undefined && isEncoded(filled)) {
      // "[${jsonencode(x)}]": the JSON text, with its unknown values as holes.
      const json = encodeJson(filled);
      for (const hole of json.holes) holes.push({ ...hole, start: hole.start + text.length, end: hole.end + text.length });
      if (json.holes.length) known = false;
      text += json.text;
      value += json.text;
      continue;
    }
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
  const scoped = context.scope?.get(root);
  if (scoped) return affordable(scoped, context) ? applySteps(copy(scoped), steps, expression, context) : unknown(expression);
  if (name === undefined) return unknown(expression);
  if (root === "module") {
    const [output, ...after] = rest;
    if (output && "attr" in output && childInstance(instance, name, context.evaluating))
      return applySteps(moduleOutput(name, output.attr, expression, context), after, expression, context);
    return applySteps(moduleValue(name, expression, context), rest, expression, context);
  }
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
  // `aws_x.y[0].arg` / `aws_x.y["k"].arg`: an instance's argument, the same in every instance unless it uses count or each.
  const instanceSteps = rest[0] && "index" in rest[0] ? rest.slice(1) : rest;
  const [attribute, ...after] = instanceSteps;
  if (!attribute || !("attr" in attribute)) return unknown(expression);
  return applySteps(resourceArgument(resource, attribute.attr, expression, context), after, expression, context);
}

function variable(name: string, at: Range, context: EvalContext): Node {
  const { instance } = context;
  const declared = instance.unit.variables.get(name);
  const argument = (key: string) => declared?.block.body.attributes.find((attribute) => attribute.name === key);
  const fallback = argument("default");
  const type = argument("type");
  const typed = (value: Node, inner: EvalContext) => (type ? convertToType(value, type.value, inner) : value);
  let input = instance.inputs.get(name);
  // A module argument that is null takes the default when the variable is not nullable.
  const nullable = argument("nullable")?.value;
  if (input?.kind === "scalar" && input.value === null && fallback && nullable?.kind === "literal" && nullable.value === false)
    input = undefined;
  if (input && declared) {
    if (!affordable(input, context)) return unknown(at);
    const value = typed(copy(input), { instance, file: declared.file, evaluating: context.evaluating });
    return anchorAt(value, scalar(null, at));
  }
  if (input) return affordable(input, context) ? anchorAt(copy(input), scalar(null, at)) : unknown(at);
  if (!declared || !fallback) return unknown(at);
  return memoized(`var.${name}`, at, context, declared.file, (inner) => typed(evaluate(fallback.value, inner), inner));
}

function local(name: string, at: Range, context: EvalContext): Node {
  const declared = context.instance.unit.locals.get(name);
  if (!declared) return unknown(at);
  return memoized(`local.${name}`, at, context, declared.file, (inner) => evaluate(declared.attribute.value, inner));
}

/** An argument of another resource of the module, when it is set there (`aws_ecr_repository.app.name`). */
function resourceArgument(resource: ResourceDeclaration, name: string, at: Range, context: EvalContext): Node {
  const attribute = resource.block.body.attributes.find((candidate) => candidate.name === name);
  if (!attribute) return unknown(at);
  const key = `${resource.type}.${resource.name}.${name}`;
  return memoized(key, at, context, resource.file, (inner) => evaluate(attribute.value, inner));
}

/** An output of a local module called once (no count or for_each), anchored where it is used. */
function moduleOutput(call: string, name: string, at: Range, context: EvalContext): Node {
  const key = `module.${call}.${name}`;
  if (context.evaluating.has(key)) return unknown(at);
  const child = childInstance(context.instance, call, context.evaluating);
  const declared = child?.unit.outputs.get(name);
  const value = declared?.block.body.attributes.find((attribute) => attribute.name === "value");
  if (!child || !declared || !value) return unknown(at);
  const result = memoized(key, at, context, declared.file, (inner) => evaluate(value.value, { ...inner, instance: child }));
  // Always another module's file, so anchored here.
  return anchorAt(result, scalar(null, at));
}

/**
 * `module.x` as a value: the object of its outputs, or for a call with for_each or count, the
 * map (or list) of its instances' objects.
 */
function moduleValue(call: string, at: Range, context: EvalContext): Node {
  const key = `module.${call}`;
  if (context.evaluating.has(key)) return unknown(at);
  const declaration = context.instance.unit.moduleCalls.find((candidate) => candidate.name === call);
  if (!declaration) return unknown(at);
  const instances = callInstances(context.instance, call, context.evaluating);
  const evaluating = new Set([...context.evaluating, key]);
  const outputsOf = (child: ModuleInstance): Node =>
    map(
      [...child.unit.outputs].map(([name, declared]) => {
        const value = declared.block.body.attributes.find((attribute) => attribute.name === "value");
        const node = value ? evaluate(value.value, { instance: child, file: declared.file, evaluating }) : unknown(at);
        return mapEntry(name, at, anchorAt(node, scalar(null, at)));
      }),
      at,
    );
  const attributes = declaration.block.body.attributes;
  if (!attributes.some((attribute) => attribute.name === "for_each" || attribute.name === "count"))
    return instances[0] ? outputsOf(instances[0]) : unknown(at);
  if (instances.some((child) => !child.key)) return unknown(at); // for_each or count not known
  if (attributes.some((attribute) => attribute.name === "count")) return seq(instances.map(outputsOf), at);
  return map(
    instances.map((child) => mapEntry(JSON.parse(child.key!.slice(1, -1)) as string, at, outputsOf(child))),
    at,
  );
}

/**
 * A named value (a variable's default, a local, a resource's argument, a module output),
 * evaluated once per module instance: each reference gets a copy, anchored at the reference when
 * the value is written in another file, and the resources it references.
 */
function memoized(key: string, at: Range, context: EvalContext, file: TerraformFile, compute: (inner: EvalContext) => Node): Node {
  const { memo } = context.instance;
  let known = memo.get(key);
  if (!known) {
    if (context.evaluating.has(key)) return unknown(at);
    const references = new Set<string>();
    const node = compute({ instance: context.instance, file, evaluating: new Set([...context.evaluating, key]), references });
    known = { node, references };
    memo.set(key, known);
  }
  for (const address of known.references) context.references?.add(address);
  if (!affordable(known.node, context)) return unknown(at);
  const value = copy(known.node);
  return file === context.file ? value : anchorAt(value, scalar(null, at));
}

const sizes = new WeakMap<Node, number>();

/** Charges a copy of `node` to the budget: a value that doubles at each reference (a chain of locals) runs out. */
function affordable(node: Node, context: EvalContext): boolean {
  const size = sizeOf(node);
  context.instance.budget.steps -= size;
  return context.instance.budget.steps >= 0;
}

function sizeOf(node: Node): number {
  let size = sizes.get(node);
  if (size !== undefined) return size;
  size = 1;
  if (node.kind === "map") for (const item of node.entries) size += sizeOf(item.value);
  else if (node.kind === "seq") for (const item of node.items) size += sizeOf(item);
  else if (node.kind === "tagged") size += sizeOf(node.value);
  sizes.set(node, size);
  return size;
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
    const type = block.type === "dynamic" ? (block.labels[0] ?? "") : block.type;
    byType.set(type, [...(byType.get(type) ?? []), block]);
  }
  for (const [type, blocks] of byType) {
    const range = { start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end };
    const keyAt = { start: blocks[0]!.start, end: blocks[0]!.start + blocks[0]!.type.length };
    const items: Node[] = [];
    let known = true;
    for (const block of blocks) {
      if (block.type !== "dynamic") items.push(bodyToMap(block.body, block, context));
      else {
        const made = dynamicBlocks(block, context);
        if (made) items.push(...made);
        else known = false;
      }
    }
    entries.push(mapEntry(type, keyAt, known ? seq(items, range) : unknown(range)));
  }
  return map(entries, at);
}

/** What an unknown interpolation leaves in the text: a span for its hole. */
const EMPTY_HOLE = "$" + "{}";

/**
 * The blocks `dynamic "setting" { for_each = ...; iterator = s; content { ... } }` makes, one per
 * item of a known collection; undefined when the collection is unknown.
 */
function dynamicBlocks(block: HclBlock, context: EvalContext): Node[] | undefined {
  const forEach = block.body.attributes.find((attribute) => attribute.name === "for_each");
  const content = block.body.blocks.find((inner) => inner.type === "content");
  if (!forEach || !content) return undefined;
  const iterator = block.body.attributes.find((attribute) => attribute.name === "iterator")?.value;
  const name = iterator?.kind === "traversal" && iterator.steps.length === 0 ? iterator.root : block.labels[0];
  const collection = evaluate(forEach.value, context);
  let items: [Node, Node][];
  if (collection.kind === "seq") items = collection.items.map((item, index) => [scalar(index, item), item]);
  else if (collection.kind === "map") items = collection.entries.map((item) => [scalar(item.key, item.keyNode), item.value]);
  else return undefined;
  if (!name || items.length > MAX_FOR_ITEMS) return undefined;
  return items.map(([key, value]) => {
    const scope = new Map(context.scope);
    scope.set(name, map([mapEntry("key", key, key), mapEntry("value", value, copy(value))], value));
    return bodyToMap(content.body, content, { ...context, scope });
  });
}

const noNames: ReadonlySet<string> = new Set();
