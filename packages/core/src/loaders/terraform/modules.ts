import type { Node } from "../../document/node.js";
import { scalarString } from "../../model/obj.js";
import type { EvalContext, ModuleInstance, ModuleUnit, TerraformFile } from "./evaluate.js";
import { copy, map, mapEntry, scalar } from "./located.js";
import { join } from "./paths.js";
import type { HclAttribute, HclBlock } from "./syntax.js";

/** Module call arguments that are not inputs. */
const moduleMetaArguments: ReadonlySet<string> = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

const MAX_MODULE_DEPTH = 16;

/** The directory a module call's `source` names, when it is a local path. */
export function localModuleDir(unit: ModuleUnit, call: HclBlock): string | undefined {
  const source = call.body.attributes.find((attribute) => attribute.name === "source")?.value;
  const part = source?.kind === "template" && source.parts.length === 1 ? source.parts[0] : undefined;
  const path = part && "literal" in part ? part.literal : source?.kind === "literal" ? source.value : undefined;
  if (typeof path !== "string" || !/^\.\.?\//.test(path)) return undefined;
  return join(unit.dir, path);
}

/** One instance of a block with `count` or `for_each`: its address suffix and its `each` / `count`. */
export interface Repetition {
  suffix: string;
  scope: ReadonlyMap<string, Node>;
}

const MAX_REPETITIONS = 32;

/**
 * The instances `count` or `for_each` make: one with no suffix when there is neither, or when
 * the collection is unknown (then `each` and `count` stay unknown); none for a known empty one.
 */
export function repetitions(attributes: HclAttribute[], context: EvalContext): Repetition[] {
  const single: Repetition[] = [{ suffix: "", scope: new Map() }];
  const count = attributes.find((attribute) => attribute.name === "count");
  const forEach = attributes.find((attribute) => attribute.name === "for_each");
  if (count) {
    const value = context.instance.evaluate(count.value, context);
    const n = value.kind === "scalar" && typeof value.value === "number" ? value.value : undefined;
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > MAX_REPETITIONS) return single;
    return Array.from({ length: n }, (_, index) => ({
      suffix: `[${index}]`,
      scope: new Map([["count", map([mapEntry("index", count, scalar(index, count))], count)]]),
    }));
  }
  if (!forEach) return single;
  const value = context.instance.evaluate(forEach.value, context);
  let items: [string, Node][];
  if (value.kind === "map") items = value.entries.map((item) => [item.key, item.value]);
  else if (value.kind === "seq" && value.items.every((item) => scalarString(item) !== undefined))
    items = value.items.map((item) => [scalarString(item)!, item]);
  else return single;
  if (items.length > MAX_REPETITIONS) return single;
  return items.map(([key, item]) => ({
    suffix: `[${JSON.stringify(key)}]`,
    scope: new Map([["each", map([mapEntry("key", forEach, scalar(key, forEach)), mapEntry("value", forEach, copy(item))], forEach)]]),
  }));
}

/**
 * The instances a module call makes, with their arguments evaluated where the call is, made
 * once; none for a module that is not local or not in the run.
 */
export function callInstances(instance: ModuleInstance, name: string, evaluating: ReadonlySet<string> = new Set()): ModuleInstance[] {
  const known = instance.children.get(name);
  if (known !== undefined) return known;
  instance.children.set(name, []); // a call that reaches itself through its own arguments finds none
  const call = instance.unit.moduleCalls.find((candidate) => candidate.name === name);
  const context: EvalContext = { instance, file: call?.file as TerraformFile, evaluating: new Set([...evaluating, `module.${name}`]) };
  const made = call
    ? repetitions(call.block.body.attributes, context).flatMap((repetition) => instantiateCall(instance, call, repetition, context.evaluating) ?? [])
    : [];
  instance.children.set(name, made);
  return made;
}

/** The single instance of a call with neither count nor for_each, whose outputs can be referenced as module.x.y. */
export function childInstance(instance: ModuleInstance, name: string, evaluating: ReadonlySet<string> = new Set()): ModuleInstance | undefined {
  const call = instance.unit.moduleCalls.find((candidate) => candidate.name === name);
  if (!call || hasRepetition(call.block.body.attributes)) return undefined;
  return callInstances(instance, name, evaluating)[0];
}

function instantiateCall(
  instance: ModuleInstance,
  call: ModuleUnit["moduleCalls"][number],
  repetition: Repetition,
  evaluating: ReadonlySet<string>,
): ModuleInstance | undefined {
  const dir = localModuleDir(instance.unit, call.block);
  const unit = dir === undefined || dir === instance.unit.dir ? undefined : instance.units.get(dir);
  const depth = instance.prefix.split("module.").length - 1;
  if (!unit || depth >= MAX_MODULE_DEPTH) return undefined;
  const context: EvalContext = { instance, file: call.file, evaluating, scope: repetition.scope };
  const inputs = new Map<string, Node>();
  for (const attribute of call.block.body.attributes)
    if (!moduleMetaArguments.has(attribute.name)) inputs.set(attribute.name, context.instance.evaluate(attribute.value, context));
  return {
    unit,
    prefix: `${instance.prefix}module.${call.name}${repetition.suffix}.`,
    key: repetition.suffix,
    rootDir: instance.rootDir,
    inputs,
    readFile: instance.readFile,
    units: instance.units,
    children: new Map(),
    memo: new Map(),
    budget: instance.budget,
    evaluate: instance.evaluate,
  };
}

export function hasRepetition(attributes: HclAttribute[]): boolean {
  return attributes.some((attribute) => attribute.name === "count" || attribute.name === "for_each");
}
