import { DEFAULT_READER_LIMITS, type ReaderProblem } from "../document/limits.js";
import type { Node } from "../document/node.js";
import { parseJson, SyntaxProblem } from "../document/parse-json.js";
import { parseYaml } from "../document/parse-yaml.js";
import { printableMessage } from "../document/printable.js";
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
  /** What the reader found that the file's own tool refuses (a key given twice), in file order. */
  problems: ReaderProblem[];
}

export type LoadResult =
  | { status: "loaded"; document: LoadedDocument }
  | { status: "skipped"; file: string; reason: string }
  /** `message` is plain: printable ASCII, one line, at most a short escaped excerpt of the file. */
  | { status: "invalid"; file: string; text: string; message: string; offset: number };

/** The message of a file that is binary, or not UTF-8 (decoding it as UTF-8 put U+FFFD in place of its bytes). */
export const NOT_TEXT_MESSAGE = "not a text file: it holds NUL bytes or bytes that are not UTF-8";

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
  const notText = notTextAt(text);
  if (notText !== undefined) return { status: "invalid", file, text, message: NOT_TEXT_MESSAGE, offset: notText };
  const problems: ReaderProblem[] = [];
  let root: Node;
  try {
    root = isYaml || !looksLikeJson(text) ? parseYaml(text) : parseJson(text, DEFAULT_READER_LIMITS, problems);
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { status: "invalid", file, text, message: printableMessage(error.message), offset: error.offset };
    throw error;
  }
  if (root.kind !== "map") return { status: "skipped", file, reason: "not an ECS, ECR, CloudFormation or Terraform plan document" };
  for (const reader of documentReaders) {
    if (!reader.matches(root)) continue;
    const resources = reader.read(root, file);
    return { status: "loaded", document: { file, text, root, description: reader.description, resources, problems } };
  }
  return { status: "skipped", file, reason: "not an ECS, ECR, CloudFormation or Terraform plan document" };
}

/** The offset of the first NUL or U+FFFD (what decoding bytes that are not UTF-8 leaves), if any. */
function notTextAt(text: string): number | undefined {
  const nul = text.indexOf("\0");
  const replacement = text.indexOf("\ufffd");
  if (nul === -1 && replacement === -1) return undefined;
  return nul === -1 ? replacement : replacement === -1 ? nul : Math.min(nul, replacement);
}

/** A `.template` file may be YAML; JSON always opens with `{` or `[`. */
function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first !== null && (first[0] === "{" || first[0] === "[");
}
