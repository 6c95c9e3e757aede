import type { Node } from "../../document/node.js";
import { type EvalContext, evaluate, type ModuleInstance, type ModuleUnit } from "./evaluate.js";
import { isUnknown } from "./located.js";
import { join } from "./paths.js";
import type { HclAttribute, HclBlock } from "./syntax.js";

/** Module call arguments that are not inputs. */
const moduleMetaArguments: ReadonlySet<string> = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

const MAX_MODULE_DEPTH = 16;

/** The directory a module call's `source` names, when it is a local path. */
export function localModuleDir(unit: ModuleUnit, call: HclBlock): string | undefined {
  const source = call.body.attributes.find((attribute) => attribute.name === "source")?.value;
  if (source?.kind !== "template" || source.parts.length !== 1) return undefined;
  const part = source.parts[0]!;
  if (!("literal" in part) || !/^\.\.?\//.test(part.literal)) return undefined;
  return join(unit.dir, part.literal);
}

/**
 * The instance a module call makes, with its arguments evaluated where the call is; undefined
 * for a module that is not local or not in the run, and for a call with `count` or `for_each`
 * (several instances, or none) when asked for outputs.
 */
export function childInstance(instance: ModuleInstance, name: string, evaluating: ReadonlySet<string> = new Set()): ModuleInstance | undefined {
  const known = instance.children.get(name);
  if (known !== undefined) return known ?? undefined;
  const call = instance.unit.moduleCalls.find((candidate) => candidate.name === name);
  const child = call && !hasRepetition(call.block.body.attributes) ? instantiateCall(instance, call, evaluating) : undefined;
  instance.children.set(name, child ?? null);
  return child;
}

/** A fresh instance of a local module call; `each` and `count` stay unknown in its arguments. */
export function instantiateCall(
  instance: ModuleInstance,
  call: ModuleUnit["moduleCalls"][number],
  evaluating: ReadonlySet<string> = new Set(),
): ModuleInstance | undefined {
  const dir = localModuleDir(instance.unit, call.block);
  const unit = dir === undefined || dir === instance.unit.dir ? undefined : instance.units.get(dir);
  const depth = instance.prefix.split("module.").length - 1;
  if (!unit || depth >= MAX_MODULE_DEPTH) return undefined;
  const context: EvalContext = { instance, file: call.file, evaluating: new Set([...evaluating, `module.${call.name}`]) };
  const inputs = new Map<string, Node>();
  for (const attribute of call.block.body.attributes)
    if (!moduleMetaArguments.has(attribute.name)) inputs.set(attribute.name, evaluate(attribute.value, context));
  return {
    unit,
    prefix: `${instance.prefix}module.${call.name}.`,
    rootDir: instance.rootDir,
    inputs,
    readFile: instance.readFile,
    units: instance.units,
    children: new Map(),
    memo: new Map(),
    budget: instance.budget,
  };
}

export function hasRepetition(attributes: HclAttribute[]): boolean {
  return attributes.some((attribute) => attribute.name === "count" || attribute.name === "for_each");
}

/** False when `count` is a known 0 or `for_each` a known empty collection: the block makes nothing. */
export function exists(attributes: HclAttribute[], context: EvalContext): boolean {
  for (const attribute of attributes) {
    if (attribute.name !== "count" && attribute.name !== "for_each") continue;
    const value = evaluate(attribute.value, context);
    if (isUnknown(value)) continue;
    if (attribute.name === "count" && value.kind === "scalar" && Number(value.value) === 0) return false;
    if (value.kind === "seq" && value.items.length === 0) return false;
    if (value.kind === "map" && value.entries.length === 0) return false;
  }
  return true;
}
