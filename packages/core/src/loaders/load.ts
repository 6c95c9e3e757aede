import type { Node } from "../document/node.js";
import { parseJson, SyntaxProblem } from "../document/parse-json.js";
import { parseYamlDocuments } from "../document/parse-yaml.js";
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
  /** Documents of a multi-document YAML file that were not read, e.g. "document 2 (line 14): not an ECS, ...". */
  notes?: string[];
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
  const isYaml = yamlExtensions.test(file);
  if (!isYaml && !jsonExtensions.test(file)) return { status: "skipped", file, reason: "not a JSON or YAML file" };
  let roots: Node[];
  try {
    roots = isYaml || !looksLikeJson(text) ? parseYamlDocuments(text) : [parseJson(text)];
  } catch (error) {
    if (error instanceof SyntaxProblem) return { status: "invalid", file, text, message: error.message, offset: error.offset };
    throw error;
  }
  let loaded: LoadedDocument | undefined;
  const notes: string[] = [];
  for (const [index, root] of roots.entries()) {
    const reader = root.kind === "map" ? documentReaders.find((candidate) => candidate.matches(root)) : undefined;
    if (!reader || root.kind !== "map") {
      notes.push(`document ${index + 1} (line ${lineOf(text, root.start)}): ${notAws}, skipped`);
      continue;
    }
    const resources = reader.read(root, file);
    if (loaded) loaded.resources.push(...resources);
    else loaded = { file, text, root, description: reader.description, resources };
  }
  if (!loaded) return { status: "skipped", file, reason: notAws };
  if (roots.length > 1 && notes.length > 0) loaded.notes = notes;
  return { status: "loaded", document: loaded };
}

const notAws = "not an ECS, ECR, CloudFormation or Terraform plan document";

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/** A `.template` file may be YAML; JSON always opens with `{` or `[`. */
function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first !== null && (first[0] === "{" || first[0] === "[");
}
