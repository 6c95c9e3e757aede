// The task definition to deploy, parsed once into core's located tree: from a JSON or YAML file,
// a registered revision, or the service's current one. Rendering edits that tree in place; the
// policy check lints it (findings keep the file's lines), and the diff and the register call
// take its plain value.
import { readFileSync } from "node:fs";
import type { ECSClient } from "@aws-sdk/client-ecs";
import {
  type ContainerImage,
  describeTaskDefinition,
  type RegisteredTaskDefinition,
  type TaskDefinitionInput,
  taskDefinitionFromDocument,
} from "@shipshape/aws";
import {
  type Node,
  parseJson,
  parseTaskDefinitionText,
  renderTaskDefinitionTree,
  type TaskDefinitionEdits,
  toPlain,
} from "@shipshape/core";
import type { TaskDefinitionSource } from "./context.js";

/** The name findings on a task definition that is not a file in the repository carry. */
export const RENDERED_TASK_DEFINITION = "rendered-task-definition.json";

export interface LoadedTaskDefinition {
  /** The located tree, rendered in place; its offsets point into `text`. */
  root: Node;
  text: string;
  /** The file's path in the workspace, or RENDERED_TASK_DEFINITION. */
  file: string;
  /** For messages: the file, or the revision it came from. */
  origin: string;
  /** True when it was read from a file (empty values are dropped before registering, as the anchors do). */
  fromFile: boolean;
}

export async function loadTaskDefinition(
  source: TaskDefinitionSource,
  ecs: ECSClient,
  current: RegisteredTaskDefinition | undefined,
): Promise<LoadedTaskDefinition> {
  if (source.kind === "file") return parseFile(source.path, source.shownPath);
  if (source.kind === "arn") {
    const registered = await describeTaskDefinition(ecs, source.arn);
    return loadedFromDefinition(registered.definition, registered.arn);
  }
  if (!current) throw new Error("the service names no task definition: give task-definition or task-definition-arn");
  return loadedFromDefinition(current.definition, `${current.arn} (the service's current revision)`);
}

/** Reads and parses a task definition file once; throws an Error with the file and line when it does not parse. */
export function parseFile(path: string, shownPath: string): LoadedTaskDefinition {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`task-definition: cannot read ${shownPath} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return { root: parseTaskDefinitionText(shownPath, text), text, file: shownPath, origin: shownPath, fromFile: true };
}

export function loadedFromDefinition(definition: TaskDefinitionInput, origin: string): LoadedTaskDefinition {
  const text = JSON.stringify(definition, null, 2);
  return { root: parseJson(text), text, file: RENDERED_TASK_DEFINITION, origin, fromFile: false };
}

/** The `images` input as tree edits. */
export function imageEdits(images: readonly ContainerImage[]): TaskDefinitionEdits {
  const seen = new Set<string>();
  for (const { container } of images) {
    if (seen.has(container))
      throw new Error(`images: container "${container}" is given two images; give each container one`);
    seen.add(container);
  }
  return { containers: images.map(({ container, image }) => ({ name: container, edits: { image } })) };
}

/**
 * Renders the loaded tree in place and returns it as RegisterTaskDefinition input. A file's empty
 * values (null, "", [], {}) are dropped unless their key is in `keepEmpty` (keep-null-value-keys).
 */
export function renderLoaded(
  loaded: LoadedTaskDefinition,
  edits: TaskDefinitionEdits,
  keepEmpty: readonly string[] = [],
  /** The input the edits came from, for the message when a container is missing. */
  inputName = "images",
): TaskDefinitionInput {
  try {
    renderTaskDefinitionTree(loaded.root, edits);
  } catch (error) {
    throw new Error(`${inputName}: ${(error as Error).message} (${loaded.origin})`);
  }
  const plain = toPlain(loaded.root);
  const cleaned = loaded.fromFile ? withoutEmptyValues(plain, new Set(keepEmpty)) : plain;
  return taskDefinitionFromDocument(cleaned ?? {}, loaded.origin);
}

/** Drops null, "", empty lists and maps at every depth, except under the keys kept. */
export function withoutEmptyValues(value: unknown, keep: ReadonlySet<string>, key?: string): unknown {
  if (key !== undefined && keep.has(key)) return value;
  if (value === null || value === "") return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => withoutEmptyValues(item, keep)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([name, item]) => [name, withoutEmptyValues(item, keep, name)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}
