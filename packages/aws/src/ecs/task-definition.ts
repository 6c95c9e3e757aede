// Reading a registered task definition, and registering a rendered one only when it differs.
import {
  DescribeTaskDefinitionCommand,
  type DescribeTaskDefinitionCommandOutput,
  type ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import { isThrottlingError, retryMiddlewareOptions } from "@smithy/core/retry";
import type { SdkError } from "@smithy/types";
import { isAmbiguousFailure } from "./client.js";
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
  options: RegisterOptions = {},
): Promise<Registration> {
  if (current && taskDefinitionsEqual(rendered, current.definition)) {
    return { taskDefinitionArn: current.arn, registered: false, changes: [] };
  }
  const changes = diffTaskDefinitions(current?.definition, rendered);
  const arn = await registerOnce(ecs, rendered, options);
  return { taskDefinitionArn: arn, registered: true, changes };
}

export interface RegisterOptions {
  /** Lines for the log: a throttled call waited out, a revision looked for after an unclear failure. */
  onNote?: (line: string) => void;
  /** For tests: waiting between attempts. */
  sleep?: (ms: number) => Promise<void>;
  abortSignal?: AbortSignal;
}

export const MAX_REGISTER_ATTEMPTS = 3;
const THROTTLE_WAIT_MS = 2_000;

/**
 * RegisterTaskDefinition makes a new revision each time it runs, so the SDK does not retry it
 * (a 5xx after ECS registered would leave orphan revisions). A throttled call is tried again; after
 * a failure that leaves it unclear whether ECS registered (5xx, timeout, reset), the family's
 * newest revision is compared with `rendered` first, and a match is taken as the registration.
 */
async function registerOnce(ecs: ECSClient, rendered: TaskDefinitionInput, options: RegisterOptions): Promise<string> {
  const note = options.onNote ?? (() => {});
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const family = rendered.family;
  for (let attempt = 1; ; attempt++) {
    let error: unknown;
    try {
      const arn = (await ecs.send(withoutSdkRetries(new RegisterTaskDefinitionCommand(rendered)), sendOptions(options)))
        .taskDefinition?.taskDefinitionArn;
      if (!arn) throw new Error(`RegisterTaskDefinition of ${family} returned no taskDefinitionArn`);
      return arn;
    } catch (caught) {
      error = caught;
    }
    const reason = (error as Error).message;
    const throttled = isThrottlingError(error as SdkError);
    if (attempt >= MAX_REGISTER_ATTEMPTS || (!throttled && !isAmbiguousFailure(error))) {
      throw new Error(`ECS refused to register task definition ${family}: ${reason}`, { cause: error });
    }
    if (throttled) {
      note(
        `RegisterTaskDefinition of ${family} was throttled; trying again in ${(THROTTLE_WAIT_MS * attempt) / 1000} s`,
      );
      await sleep(THROTTLE_WAIT_MS * attempt);
      continue;
    }
    note(
      `RegisterTaskDefinition of ${family} failed without saying whether ECS registered it (${reason}); looking at the family's newest revision before registering again`,
    );
    const made = await newestRevisionIfSame(ecs, rendered, options);
    if (made) {
      note(`ECS had registered it as ${made}: taking that revision, not registering again`);
      return made;
    }
    note(`ECS had not registered it; registering again (attempt ${attempt + 1} of ${MAX_REGISTER_ATTEMPTS})`);
  }
}

/** The family's newest ACTIVE revision when it equals `rendered` (normalized), else undefined. */
async function newestRevisionIfSame(
  ecs: ECSClient,
  rendered: TaskDefinitionInput,
  options: RegisterOptions,
): Promise<string | undefined> {
  try {
    const listed = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: rendered.family, status: "ACTIVE", sort: "DESC", maxResults: 10 }),
      sendOptions(options),
    );
    // The highest revision listed, whatever order the endpoint kept (moto ignores sort).
    const newest = (listed.taskDefinitionArns ?? []).reduce<string | undefined>(
      (best, arn) => (best === undefined || revisionOf(arn) > revisionOf(best) ? arn : best),
      undefined,
    );
    if (!newest) return undefined;
    const registered = await describeTaskDefinition(ecs, newest);
    return registered.family === rendered.family && taskDefinitionsEqual(rendered, registered.definition)
      ? registered.arn
      : undefined;
  } catch (error) {
    throw new Error(
      `could not check whether ECS registered task definition ${rendered.family} (so it is not registered again): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

const revisionOf = (arn: string) => Number(arn.slice(arn.lastIndexOf(":") + 1)) || 0;

const sendOptions = (options: RegisterOptions) => (options.abortSignal ? { abortSignal: options.abortSignal } : {});

/** The command with the client's retry middleware replaced by a pass-through, for this call only. */
function withoutSdkRetries<C extends RegisterTaskDefinitionCommand>(command: C): C {
  command.middlewareStack.add((next) => (args) => next(args), { ...retryMiddlewareOptions, override: true });
  return command;
}
