import { anchorAt, type Node } from "./node.js";
import { parseJson, SyntaxProblem } from "./parse-json.js";

export type EmbeddedJson = { node: Node; error?: undefined } | { node?: undefined; error: string };

/**
 * JSON held in a string (a CloudFormation LifecyclePolicyText, a Terraform plan's
 * container_definitions): parsed, and every node re-anchored at the string so findings land on
 * the line that holds it.
 */
export function parseEmbeddedJson(host: Node): EmbeddedJson | undefined {
  if (host.kind !== "scalar" || typeof host.value !== "string") return undefined;
  try {
    const node = anchorAt(parseJson(host.value), host);
    node.parent = host.parent;
    node.key = host.key;
    return { node };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { error: `${error.message} (character ${error.offset + 1} of the embedded JSON)` };
    throw error;
  }
}
