// A task definition as RegisterTaskDefinition takes it, read from a file or from ECS. New images go
// in through core's renderTaskDefinitionTree, on the file's one parse.
import type { RegisterTaskDefinitionCommandInput, TaskDefinition, Tag } from "@aws-sdk/client-ecs";

/** RegisterTaskDefinition input: what a task definition file holds, and what gets registered. */
export type TaskDefinitionInput = RegisterTaskDefinitionCommandInput;

/** One `container=image` line of the images input. */
export interface ContainerImage {
  container: string;
  image: string;
}

/**
 * Fields ECS adds to a registered task definition that RegisterTaskDefinition does not take
 * (API Reference, TaskDefinition). A file made from `describe-task-definition` output carries them.
 */
export const READ_ONLY_TASK_DEFINITION_FIELDS = [
  "taskDefinitionArn",
  "revision",
  "status",
  "requiresAttributes",
  "compatibilities",
  "registeredAt",
  "registeredBy",
  "deregisteredAt",
  "deleteRequestedAt",
] as const;

/**
 * The RegisterTaskDefinition input in a parsed file: the input itself, or `describe-task-definition`
 * output (`{"taskDefinition": {...}, "tags": [...]}`), read-only fields dropped. Throws an Error
 * naming `source` when the document is not a task definition.
 */
export function taskDefinitionFromDocument(document: unknown, source: string): TaskDefinitionInput {
  if (!isRecord(document)) throw new Error(`${source}: a task definition is a JSON or YAML mapping`);
  const wrapped = isRecord(document.taskDefinition) ? document.taskDefinition : undefined;
  const body = wrapped ?? document;
  const tags = wrapped && Array.isArray(document.tags) ? (document.tags as Tag[]) : undefined;
  if (!Array.isArray(body.containerDefinitions) || body.containerDefinitions.length === 0) {
    throw new Error(`${source}: containerDefinitions is missing or empty; is this an ECS task definition?`);
  }
  if (typeof body.family !== "string" || body.family === "") throw new Error(`${source}: family is missing`);
  const names = body.containerDefinitions.map((container: unknown) =>
    isRecord(container) ? container.name : undefined,
  );
  if (names.some((name: unknown) => typeof name !== "string" || name === "")) {
    throw new Error(`${source}: every item of containerDefinitions needs a name`);
  }
  return withoutReadOnlyFields({ ...(body as TaskDefinition), ...(tags && tags.length > 0 ? { tags } : {}) });
}

/** A registered task definition (DescribeTaskDefinition) as RegisterTaskDefinition input. */
export function withoutReadOnlyFields(definition: TaskDefinition & { tags?: Tag[] }): TaskDefinitionInput {
  const input: Record<string, unknown> = { ...definition };
  for (const field of READ_ONLY_TASK_DEFINITION_FIELDS) delete input[field];
  // Task-level cpu and memory are strings in the API; a YAML file may hold numbers.
  for (const field of ["cpu", "memory"]) if (typeof input[field] === "number") input[field] = String(input[field]);
  return input as unknown as TaskDefinitionInput;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
