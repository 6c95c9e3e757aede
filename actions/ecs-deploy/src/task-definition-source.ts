// The task definition to deploy: read from a JSON or YAML file, from a registered revision, or
// taken from the service; and the file's text with the new images, for the policy check.
import { readFileSync } from "node:fs";
import type { ECSClient } from "@aws-sdk/client-ecs";
import {
  type ContainerImage,
  describeTaskDefinition,
  type RegisteredTaskDefinition,
  type TaskDefinitionInput,
  taskDefinitionFromDocument,
} from "@shipshape/aws";
import { Composer, CST, isMap, isScalar, isSeq, Parser, parse } from "yaml";
import type { TaskDefinitionSource } from "./context.js";

export interface LoadedTaskDefinition {
  definition: TaskDefinitionInput;
  /** For messages: the file, or the revision it came from. */
  origin: string;
  /** Set for a file: its path in the workspace and its text. */
  file?: { shownPath: string; text: string };
}

export async function loadTaskDefinition(
  source: TaskDefinitionSource,
  ecs: ECSClient,
  current: RegisteredTaskDefinition | undefined,
): Promise<LoadedTaskDefinition> {
  if (source.kind === "file") {
    let text: string;
    try {
      text = readFileSync(source.path, "utf8");
    } catch (error) {
      throw new Error(
        `task-definition: cannot read ${source.shownPath} (${(error as NodeJS.ErrnoException).code ?? error})`,
      );
    }
    let document: unknown;
    try {
      document = parse(text, { prettyErrors: true });
    } catch (error) {
      throw new Error(`${source.shownPath}: not valid JSON or YAML: ${(error as Error).message}`);
    }
    const definition = taskDefinitionFromDocument(document, source.shownPath);
    return { definition, origin: source.shownPath, file: { shownPath: source.shownPath, text } };
  }
  if (source.kind === "arn") {
    const registered = await describeTaskDefinition(ecs, source.arn);
    return { definition: registered.definition, origin: registered.arn };
  }
  if (!current) throw new Error("the service names no task definition: give task-definition or task-definition-arn");
  return { definition: current.definition, origin: `${current.arn} (the service's current revision)` };
}

/**
 * The file's text with each named container's image replaced in place, so the policy check's
 * findings point at the lines of the file as it is in the repository. Undefined when an image
 * cannot be replaced in place (a container without an image key, a YAML alias).
 */
export function renderFileText(text: string, images: readonly ContainerImage[]): string | undefined {
  if (images.length === 0) return text;
  const tokens = [...new Parser().parse(text)];
  const [document] = new Composer({ keepSourceTokens: true }).compose(tokens);
  const top = document?.contents;
  if (!isMap(top)) return undefined;
  const wrapped = top.get("taskDefinition", true);
  const root = isMap(wrapped) ? wrapped : top;
  const containers = root.get("containerDefinitions", true);
  if (!isSeq(containers)) return undefined;
  const imageOf = new Map(images.map(({ container, image }) => [container, image]));
  for (const container of containers.items) {
    if (!isMap(container)) continue;
    const image = imageOf.get(String(container.get("name")));
    if (image === undefined) continue;
    const node = container.get("image", true);
    if (!isScalar(node) || !node.srcToken) return undefined;
    CST.setScalarValue(node.srcToken, image);
    imageOf.delete(String(container.get("name")));
  }
  return imageOf.size === 0 ? tokens.map((token) => CST.stringify(token)).join("") : undefined;
}
