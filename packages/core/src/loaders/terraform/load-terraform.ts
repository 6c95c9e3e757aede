import type { MapNode, Node } from "../../document/node.js";
import type { Resource } from "../../model/resources.js";
import type { LoadResult } from "../load.js";
import {
  bodyToMap,
  type EvalContext,
  evaluate,
  type FileReader,
  type ModuleInstance,
  type ModuleUnit,
  type TerraformFile,
} from "./evaluate.js";
import { isUnknown, map } from "./located.js";
import { dirOf, join } from "./paths.js";
import { type EvaluatedResource, modelResources } from "./resources.js";
import { readHclFile, type TerraformParser } from "./syntax.js";

export interface TerraformLoadOptions {
  parser: TerraformParser;
  readFile?: FileReader;
}

export const TERRAFORM_DESCRIPTION = "Terraform configuration";

const terraformExtension = /\.tf$/i;

export function isTerraformFileName(file: string): boolean {
  return terraformExtension.test(file);
}

const noSuppressions: ReadonlyMap<string, string> = new Map();

/** Meta-arguments and blocks that are Terraform's, not the resource's. */
const metaArguments: ReadonlySet<string> = new Set([
  "count",
  "for_each",
  "provider",
  "depends_on",
  "lifecycle",
  "provisioner",
  "connection",
]);

/** Module call arguments that are not inputs. */
const moduleMetaArguments: ReadonlySet<string> = new Set([
  "source",
  "version",
  "count",
  "for_each",
  "providers",
  "depends_on",
]);

const MAX_MODULE_DEPTH = 16;

/**
 * Reads .tf files. The files of one directory are one module: their variables, locals and
 * resources resolve together. A directory called as a local module (`source = "./modules/x"`)
 * from another directory of the run is read through that call, with the call's arguments, and
 * its resources are named `module.x.<type>.<name>`; other directories are root modules.
 */
export function loadTerraform(
  sources: readonly { file: string; text: string }[],
  options: TerraformLoadOptions,
): LoadResult[] {
  const results: LoadResult[] = [];
  const units = new Map<string, ModuleUnit>();
  const resourcesByFile = new Map<string, Resource[]>();
  for (const { file, text } of sources) {
    const tree = options.parser.parse(text);
    if (!tree) {
      results.push({ status: "invalid", file, text, message: "the Terraform parser gave up on the file", offset: 0 });
      continue;
    }
    const { body, problem } = readHclFile(tree.rootNode);
    if (problem) {
      results.push({ status: "invalid", file, text, message: problem.message, offset: problem.offset });
      continue;
    }
    addToUnit(units, { file, text, body });
    resourcesByFile.set(file, []);
  }

  const called = new Set<string>();
  for (const unit of units.values())
    for (const call of unit.moduleCalls) {
      const target = localModuleDir(unit, call.block);
      if (target && target !== unit.dir && units.has(target)) called.add(target);
    }
  for (const unit of units.values()) {
    if (called.has(unit.dir)) continue;
    instantiate(
      { unit, prefix: "", rootDir: unit.dir, inputs: new Map(), readFile: options.readFile },
      units,
      resourcesByFile,
      0,
    );
  }

  for (const unit of units.values())
    for (const { file, text } of unit.files) {
      const root: MapNode = map([], { start: 0, end: text.length });
      const resources = resourcesByFile.get(file) ?? [];
      results.push({ status: "loaded", document: { file, text, root, description: TERRAFORM_DESCRIPTION, resources } });
    }
  return results;
}

function addToUnit(units: Map<string, ModuleUnit>, file: TerraformFile): void {
  const dir = dirOf(file.file);
  let unit = units.get(dir);
  if (!unit) {
    unit = { dir, files: [], variables: new Map(), locals: new Map(), resources: new Map(), moduleCalls: [] };
    units.set(dir, unit);
  }
  unit.files.push(file);
  for (const block of file.body.blocks) {
    const [first, second] = block.labels;
    if (block.type === "variable" && first) unit.variables.set(first, { file, block });
    else if (block.type === "locals")
      for (const attribute of block.body.attributes) unit.locals.set(attribute.name, { file, attribute });
    else if (block.type === "resource" && first && second)
      unit.resources.set(`${first}.${second}`, { type: first, name: second, block, file });
    else if (block.type === "module" && first) unit.moduleCalls.push({ name: first, block, file });
  }
}

/** The directory a module call's `source` names, when it is a local path. */
function localModuleDir(unit: ModuleUnit, call: ModuleUnit["moduleCalls"][number]["block"]): string | undefined {
  const source = call.body.attributes.find((attribute) => attribute.name === "source")?.value;
  if (source?.kind !== "template" || source.parts.length !== 1) return undefined;
  const part = source.parts[0]!;
  if (!("literal" in part) || !/^\.\.?\//.test(part.literal)) return undefined;
  return join(unit.dir, part.literal);
}

function instantiate(
  instance: ModuleInstance,
  units: ReadonlyMap<string, ModuleUnit>,
  resourcesByFile: Map<string, Resource[]>,
  depth: number,
): void {
  const { unit } = instance;
  const evaluated: EvaluatedResource[] = [];
  const fileOf = new Map<string, string>();
  for (const declaration of unit.resources.values()) {
    const { block, file } = declaration;
    const context: EvalContext = { instance, file, evaluating: new Set() };
    if (!exists(block.body.attributes, context)) continue;
    const references = new Map<string, Set<string>>();
    const node = bodyToMap(block.body, block, context, metaArguments) as MapNode;
    // Evaluated again per argument to learn what each references (the values are the same).
    for (const attribute of block.body.attributes) {
      if (metaArguments.has(attribute.name)) continue;
      const found = new Set<string>();
      evaluate(attribute.value, { ...context, references: found });
      if (found.size) references.set(attribute.name, found);
    }
    const name = `${instance.prefix}${declaration.type}.${declaration.name}`;
    fileOf.set(name, file.file);
    evaluated.push({
      type: declaration.type,
      origin: { node, file: file.file, format: "terraform", name, suppressed: noSuppressions },
      references,
    });
  }
  for (const resource of modelResources(evaluated)) resourcesByFile.get(fileOf.get(resource.name)!)?.push(resource);

  if (depth >= MAX_MODULE_DEPTH) return;
  for (const call of unit.moduleCalls) {
    const dir = localModuleDir(unit, call.block);
    const child = dir === undefined || dir === unit.dir ? undefined : units.get(dir);
    if (!child) continue;
    const context: EvalContext = { instance, file: call.file, evaluating: new Set() };
    if (!exists(call.block.body.attributes, context)) continue;
    const inputs = new Map<string, Node>();
    for (const attribute of call.block.body.attributes)
      if (!moduleMetaArguments.has(attribute.name)) inputs.set(attribute.name, evaluate(attribute.value, context));
    const prefix = `${instance.prefix}module.${call.name}.`;
    instantiate(
      { unit: child, prefix, rootDir: instance.rootDir, inputs, readFile: instance.readFile },
      units,
      resourcesByFile,
      depth + 1,
    );
  }
}

/** False when `count` is a known 0 or `for_each` a known empty collection: the block makes nothing. */
function exists(attributes: { name: string; value: Parameters<typeof evaluate>[0] }[], context: EvalContext): boolean {
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
