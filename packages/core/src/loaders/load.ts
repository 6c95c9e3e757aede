import type { Node } from "../document/node.js";
import { parseJson, SyntaxProblem } from "../document/parse-json.js";
import { parseYaml } from "../document/parse-yaml.js";
import type { Resource } from "../model/resources.js";
import { cloudFormationTemplate } from "./cloudformation.js";
import { clusterJson, repositoryJson, serviceJson, taskDefinitionJson } from "./ecs-json.js";
import { lifecyclePolicyJson } from "./lifecycle-json.js";
import type { DocumentReader } from "./reader.js";
import { terraformPlan } from "./terraform-plan.js";

export interface LoadedDocument {
  file: string;
  text: string;
  root: Node;
  /** What the file was read as, e.g. "ECS task definition". */
  description: string;
  resources: Resource[];
}

export type LoadResult =
  | { status: "loaded"; document: LoadedDocument }
  | { status: "skipped"; file: string; reason: string }
  | { status: "invalid"; file: string; text: string; message: string; offset: number };

/** In the order they are tried: the first whose root matches reads the file. */
export const documentReaders: DocumentReader[] = [
  cloudFormationTemplate,
  terraformPlan,
  taskDefinitionJson,
  lifecyclePolicyJson,
  serviceJson,
  repositoryJson,
  clusterJson,
];

const jsonExtensions = /\.(json|template)$/i;
const yamlExtensions = /\.(ya?ml)$/i;

export function isLintableFileName(file: string): boolean {
  return jsonExtensions.test(file) || yamlExtensions.test(file);
}

/** Parses a file and reads the ECS/ECR resources in it. Never throws for bad input. */
export function loadDocument(file: string, text: string): LoadResult {
  const parsed = parseSource(file, text);
  return "root" in parsed ? readParsed(file, text, parsed.root) : parsed;
}

/** The located tree of a JSON or YAML file, or why it has none. Never throws for bad input. */
export function parseSource(file: string, text: string): { root: Node } | Exclude<LoadResult, { status: "loaded" }> {
  const isYaml = yamlExtensions.test(file);
  if (!isYaml && !jsonExtensions.test(file)) return { status: "skipped", file, reason: "not a JSON or YAML file" };
  try {
    return { root: isYaml || !looksLikeJson(text) ? parseYaml(text) : parseJson(text) };
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { status: "invalid", file, text, message: error.message, offset: error.offset };
    throw error;
  }
}

/**
 * Reads the resources of a tree parseSource gave (and the caller may have edited since: its
 * offsets still point into `text`), so a file parsed once is linted without a second parse.
 */
export function readParsed(file: string, text: string, root: Node): LoadResult {
  if (root.kind !== "map")
    return { status: "skipped", file, reason: "not an ECS, ECR, CloudFormation or Terraform plan document" };
  for (const reader of documentReaders) {
    if (!reader.matches(root)) continue;
    return {
      status: "loaded",
      document: { file, text, root, description: reader.description, resources: reader.read(root, file) },
    };
  }
  return { status: "skipped", file, reason: "not an ECS, ECR, CloudFormation or Terraform plan document" };
}

/** A `.template` file may be YAML; JSON always opens with `{` or `[`. */
function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first !== null && (first[0] === "{" || first[0] === "[");
}
