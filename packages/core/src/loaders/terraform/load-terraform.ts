import { DEFAULT_READER_LIMITS } from "../../document/limits.js";
import type { MapNode } from "../../document/node.js";
import { parseJson, SyntaxProblem } from "../../document/parse-json.js";
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
import { map } from "./located.js";
import { callInstances, localModuleDir, repetitions } from "./modules.js";
import { dirOf } from "./paths.js";
import { type EvaluatedResource, modelResources } from "./resources.js";
import { isTerraformJsonFileName } from "./file-names.js";
import { readJsonConfiguration } from "./json-syntax.js";
import { readHclFile, type TerraformParser } from "./syntax.js";

export interface TerraformLoadOptions {
  parser: TerraformParser;
  readFile?: FileReader;
}

export const TERRAFORM_DESCRIPTION = "Terraform configuration";


/**
 * Steps (expressions evaluated, nodes copied) for one load, growing with the number of files:
 * terraform-aws-modules/terraform-aws-ecs (64 files) takes 111,000 of its 1,280,000; a file built
 * to blow up (a doubling chain of locals) ends at the floor.
 */
const EVALUATION_STEPS_PER_FILE = 20_000;
const MIN_EVALUATION_STEPS = 250_000;

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
    if (text.length > DEFAULT_READER_LIMITS.maxLength) {
      const message = `the file is larger than ${DEFAULT_READER_LIMITS.maxLength} characters`;
      results.push({ status: "invalid", file, text, message, offset: 0 });
      continue;
    }
    if (isTerraformJsonFileName(file)) {
      try {
        addToUnit(units, { file, text, body: readJsonConfiguration(parseJson(text), options.parser) });
        resourcesByFile.set(file, []);
      } catch (error) {
        if (!(error instanceof SyntaxProblem)) throw error;
        results.push({ status: "invalid", file, text, message: error.message, offset: error.offset });
      }
      continue;
    }
    const tree = options.parser.parse(text);
    if (!tree) {
      results.push({ status: "invalid", file, text, message: "the Terraform parser gave up on the file", offset: 0 });
      continue;
    }
    const { body, problem } = readHclFile(tree.rootNode);
    tree.delete?.();
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
  const budget = { steps: Math.max(MIN_EVALUATION_STEPS, EVALUATION_STEPS_PER_FILE * sources.length) };
  for (const unit of units.values()) {
    if (called.has(unit.dir)) continue;
    const root: ModuleInstance = {
      unit,
      prefix: "",
      rootDir: unit.dir,
      inputs: new Map(),
      readFile: options.readFile,
      units,
      children: new Map(),
      memo: new Map(),
      budget,
      evaluate,
    };
    instantiate(root, resourcesByFile);
  }

  for (const unit of units.values())
    for (const { file, text } of unit.files) {
      const root: MapNode = map([], { start: 0, end: text.length });
      const resources = resourcesByFile.get(file) ?? [];
      results.push({ status: "loaded", document: { file, text, root, description: TERRAFORM_DESCRIPTION, resources, problems: [] } });
    }
  return results;
}

function addToUnit(units: Map<string, ModuleUnit>, file: TerraformFile): void {
  const dir = dirOf(file.file);
  let unit = units.get(dir);
  if (!unit) {
    unit = { dir, files: [], variables: new Map(), locals: new Map(), resources: new Map(), moduleCalls: [], outputs: new Map() };
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
    else if (block.type === "output" && first) unit.outputs.set(first, { file, block });
  }
}

function instantiate(instance: ModuleInstance, resourcesByFile: Map<string, Resource[]>): void {
  const { unit } = instance;
  const evaluated: EvaluatedResource[] = [];
  const fileOf = new Map<string, string>();
  for (const declaration of unit.resources.values()) {
    const { block, file } = declaration;
    for (const { suffix, scope } of repetitions(block.body.attributes, { instance, file, evaluating: new Set() })) {
      const context: EvalContext = { instance, file, evaluating: new Set(), scope };
      const references = new Map<string, Set<string>>();
      const node = bodyToMap(block.body, block, context, metaArguments) as MapNode;
      // Evaluated again per argument to learn what each references (named values are evaluated once).
      for (const attribute of block.body.attributes) {
        if (metaArguments.has(attribute.name)) continue;
        const found = new Set<string>();
        evaluate(attribute.value, { ...context, references: found });
        if (found.size) references.set(attribute.name, found);
      }
      const name = `${instance.prefix}${declaration.type}.${declaration.name}${suffix}`;
      fileOf.set(name, file.file);
      evaluated.push({ type: declaration.type, origin: { node, file: file.file, format: "terraform", name, suppressed: noSuppressions }, references });
    }
  }
  for (const resource of modelResources(evaluated)) resourcesByFile.get(fileOf.get(resource.name)!)?.push(resource);
  for (const call of unit.moduleCalls) for (const child of callInstances(instance, call.name)) instantiate(child, resourcesByFile);
}
