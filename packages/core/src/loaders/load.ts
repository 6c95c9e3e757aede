import { DEFAULT_READER_LIMITS, type ReaderProblem } from "../document/limits.js";
import type { Node } from "../document/node.js";
import { parseJson, SyntaxProblem } from "../document/parse-json.js";
import { parseYamlDocuments } from "../document/parse-yaml.js";
import { printableMessage } from "../document/printable.js";
import type { Resource } from "../model/resources.js";
import { cloudFormationTemplate } from "./cloudformation.js";
import { clusterJson, repositoryJson, repositoryPolicyJson, serviceJson, taskDefinitionJson } from "./ecs-json.js";
import { lifecyclePolicyJson } from "./lifecycle-json.js";
import type { DocumentReader } from "./reader.js";
import { containerDefinitionsArray } from "./container-definitions.js";
import { terraformPlan } from "./terraform-plan.js";
import { isTerraformFileName } from "./terraform/file-names.js";
import { lineOf } from "../document/position.js";

export interface LoadedDocument {
  file: string;
  text: string;
  root: Node;
  /** What the file was read as, e.g. "ECS task definition". */
  description: string;
  resources: Resource[];
  /** Documents of a multi-document YAML file that were not read, e.g. "document 2 (line 14): not an ECS, ...". */
  notes?: string[];
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
  repositoryPolicyJson,
  repositoryJson,
  clusterJson,
];

const jsonExtensions = /\.(json|template)$/i;
const yamlExtensions = /\.(ya?ml)$/i;

export function isLintableFileName(file: string): boolean {
  return jsonExtensions.test(file) || yamlExtensions.test(file) || isTerraformFileName(file);
}

/** Parses a file and reads the ECS/ECR resources in it. Never throws for bad input. */
export function loadDocument(file: string, text: string): LoadResult {
  const parsed = parseSource(file, text);
  return "roots" in parsed ? readParsed(file, text, parsed.roots, parsed.problems) : parsed;
}

/** The located trees of a JSON or YAML file (a YAML file may hold several documents), or why it has none. */
export function parseSource(
  file: string,
  text: string,
): { roots: Node[]; problems: ReaderProblem[] } | Exclude<LoadResult, { status: "loaded" }> {
  const isYaml = yamlExtensions.test(file);
  if (!isYaml && !jsonExtensions.test(file)) return { status: "skipped", file, reason: "not a JSON or YAML file" };
  const notText = notTextAt(text);
  if (notText !== undefined) return { status: "invalid", file, text, message: NOT_TEXT_MESSAGE, offset: notText };
  const problems: ReaderProblem[] = [];
  try {
    const roots =
      isYaml || !looksLikeJson(text)
        ? parseYamlDocuments(text, DEFAULT_READER_LIMITS, problems)
        : [parseJson(text, DEFAULT_READER_LIMITS, problems)];
    return { roots, problems };
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { status: "invalid", file, text, message: printableMessage(error.message), offset: error.offset };
    throw error;
  }
}

/**
 * Reads the resources of the trees parseSource gave (which the caller may have edited since: their
 * offsets still point into `text`), so a file parsed once is linted without a second parse.
 * Documents of other kinds in a multi-document file are skipped with a note.
 */
export function readParsed(
  file: string,
  text: string,
  roots: readonly Node[],
  problems: ReaderProblem[] = [],
): LoadResult {
  let loaded: LoadedDocument | undefined;
  const notes: string[] = [];
  for (const [index, root] of roots.entries()) {
    const read = readRoot(root, file);
    if (!read) {
      notes.push(`document ${index + 1} (line ${lineOf(text, root.start)}): ${notAws}, skipped`);
      continue;
    }
    if (!loaded) loaded = { file, text, root, ...read, problems };
    else for (const resource of read.resources) loaded.resources.push(resource);
  }
  if (!loaded) return { status: "skipped", file, reason: notAws };
  if (roots.length > 1 && notes.length > 0) loaded.notes = notes;
  return { status: "loaded", document: loaded };
}

const notAws = "not an ECS, ECR, CloudFormation or Terraform plan document";

/** The offset of the first NUL or U+FFFD (what decoding bytes that are not UTF-8 leaves), if any. */
function notTextAt(text: string): number | undefined {
  const nul = text.indexOf("\0");
  const replacement = text.indexOf("\ufffd");
  if (nul === -1 && replacement === -1) return undefined;
  return nul === -1 ? replacement : replacement === -1 ? nul : Math.min(nul, replacement);
}

/** A document root read by the first reader that knows it: a bare container-definitions array, or a map reader. */
function readRoot(root: Node, file: string): { description: string; resources: Resource[] } | undefined {
  if (root.kind === "seq") {
    if (!containerDefinitionsArray.matches(root)) return undefined;
    return { description: containerDefinitionsArray.description, resources: containerDefinitionsArray.read(root, file) };
  }
  if (root.kind !== "map") return undefined;
  const reader = documentReaders.find((candidate) => candidate.matches(root));
  return reader && { description: reader.description, resources: reader.read(root, file) };
}

/** A `.template` file may be YAML; JSON always opens with `{` or `[`. */
function looksLikeJson(text: string): boolean {
  const opening = text.charCodeAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (opening === 0x7b || opening === 0x5b) return true; // "{" or "[" right away: no search needed
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first !== null && (first[0] === "{" || first[0] === "[");
}
