// Reading a registered task definition, and registering a rendered one only when it differs.
import {
  DescribeTaskDefinitionCommand,
  type DescribeTaskDefinitionCommandOutput,
  type ECSClient,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import { diffTaskDefinitions, type TaskDefinitionChange } from "./diff.js";
import { taskDefinitionsEqual } from "./normalize.js";
import { type TaskDefinitionInput, withoutReadOnlyFields } from "./render.js";

export interface RegisteredTaskDefinition {
  arn: string;
  family: string;
  revision: number;
  /** As RegisterTaskDefinition input, its tags included. */
  definition: TaskDefinitionInput;
}

export interface Registration {
  /** The new revision, or the current one when nothing changed. */
  taskDefinitionArn: string;
  registered: boolean;
  /** What differs from the current definition (everything, when there is none). */
  changes: TaskDefinitionChange[];
}

/** DescribeTaskDefinition with its tags: a family, family:revision or ARN. */
export async function describeTaskDefinition(
  ecs: ECSClient,
  taskDefinition: string,
): Promise<RegisteredTaskDefinition> {
  let response: DescribeTaskDefinitionCommandOutput;
  try {
    response = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ["TAGS"] }));
  } catch (error) {
    throw new Error(`cannot read task definition ${taskDefinition}: ${(error as Error).message}`, { cause: error });
  }
  const found = response.taskDefinition;
  if (!found?.taskDefinitionArn) throw new Error(`task definition ${taskDefinition} was not found`);
  const tags = response.tags ?? [];
  return {
    arn: found.taskDefinitionArn,
    family: found.family ?? "",
    revision: found.revision ?? 0,
    definition: withoutReadOnlyFields({ ...found, ...(tags.length > 0 ? { tags } : {}) }),
  };
}

/**
 * Registers `rendered` unless it equals `current` once both are normalized (ECS defaults and
 * read-only fields aside), so re-running a deploy of an unchanged file never makes a new revision.
 */
export async function registerIfChanged(
  ecs: ECSClient,
  rendered: TaskDefinitionInput,
  current: RegisteredTaskDefinition | undefined,
): Promise<Registration> {
  if (current && taskDefinitionsEqual(rendered, current.definition)) {
    return { taskDefinitionArn: current.arn, registered: false, changes: [] };
  }
  const changes = diffTaskDefinitions(current?.definition, rendered);
  let arn: string | undefined;
  try {
    arn = (await ecs.send(new RegisterTaskDefinitionCommand(rendered))).taskDefinition?.taskDefinitionArn;
  } catch (error) {
    throw new Error(`ECS refused to register task definition ${rendered.family}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!arn) throw new Error(`RegisterTaskDefinition of ${rendered.family} returned no taskDefinitionArn`);
  return { taskDefinitionArn: arn, registered: true, changes };
}
