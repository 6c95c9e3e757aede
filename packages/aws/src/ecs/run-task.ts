// One-off tasks (a migration before the service update): RunTask, a wait for STOPPED, and the
// verdict: an essential container that exited non-zero (or never ran) fails the run.
import {
  type ContainerDefinition,
  DescribeTasksCommand,
  type ECSClient,
  RunTaskCommand,
  type RunTaskCommandInput,
  type Task,
} from "@aws-sdk/client-ecs";
import { isTransientError } from "./client.js";
import { type Clock, systemClock } from "../clock.js";

/** RunTask takes up to 100 task ARNs per DescribeTasks call; a run starts at most 10. */
const DESCRIBE_BATCH = 100;

/** RunTask; throws an Error naming each failure ECS gives (no capacity, a missing subnet). */
export async function runTasks(ecs: ECSClient, input: RunTaskCommandInput): Promise<Task[]> {
  const response = await ecs.send(new RunTaskCommand(input));
  const failures = response.failures ?? [];
  const tasks = response.tasks ?? [];
  if (failures.length > 0 || tasks.length === 0) {
    const reasons = failures.map(
      (failure) =>
        `${failure.arn ?? "task"}: ${failure.reason ?? "no reason given"}${failure.detail ? ` (${failure.detail})` : ""}`,
    );
    throw new Error(`RunTask started no task${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`);
  }
  return tasks;
}

export interface TaskWait {
  cluster: string;
  taskArns: readonly string[];
  timeoutMs: number;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  onProgress?: (line: string) => void;
  clock?: Clock;
}


/**
 * Polls DescribeTasks until every task is STOPPED; returns them, or throws at the timeout naming
 * the tasks still running. Throttling and network errors are waited out.
 */
export async function waitForTasksStopped(ecs: ECSClient, wait: TaskWait): Promise<Task[]> {
  const clock = wait.clock ?? systemClock;
  const deadline = clock.now() + wait.timeoutMs;
  const maxDelay = wait.maxPollIntervalMs ?? 30_000;
  let delay = Math.min(wait.pollIntervalMs ?? 5_000, maxDelay);
  const lastStatus = new Map<string, string>();
  let tasks: Task[] = [];
  for (;;) {
    try {
      tasks = await describeTasks(ecs, wait.cluster, wait.taskArns);
      for (const task of tasks) {
        const status = task.lastStatus ?? "UNKNOWN";
        if (lastStatus.get(task.taskArn ?? "") !== status)
          wait.onProgress?.(`task ${taskIdOf(task.taskArn)}: ${status}`);
        lastStatus.set(task.taskArn ?? "", status);
      }
      if (tasks.length > 0 && tasks.every((task) => task.lastStatus === "STOPPED")) return tasks;
    } catch (error) {
      if (!isTransientError(error)) throw error;
    }
    if (clock.now() + delay > deadline) {
      const running = tasks.filter((task) => task.lastStatus !== "STOPPED").map((task) => taskIdOf(task.taskArn));
      throw new Error(
        `timed out after ${Math.round(wait.timeoutMs / 60_000)} minutes waiting for the task to stop; still running: ${running.join(", ") || wait.taskArns.join(", ")}`,
      );
    }
    await clock.sleep(delay);
    delay = Math.min(Math.ceil(delay * 1.5), maxDelay);
  }
}

export async function describeTasks(ecs: ECSClient, cluster: string, taskArns: readonly string[]): Promise<Task[]> {
  const tasks: Task[] = [];
  for (let at = 0; at < taskArns.length; at += DESCRIBE_BATCH) {
    const response = await ecs.send(
      new DescribeTasksCommand({ cluster, tasks: taskArns.slice(at, at + DESCRIBE_BATCH) }),
    );
    tasks.push(...(response.tasks ?? []));
  }
  return tasks;
}

export interface ContainerFailure {
  taskId: string;
  container: string;
  /** Undefined when the container never ran (the task stopped before it started). */
  exitCode: number | undefined;
  reason: string;
  essential: boolean;
}

/**
 * The containers of stopped tasks that did not exit 0. Essentiality comes from the task
 * definition (ECS's default is essential); DescribeTasks does not carry it.
 */
export function containerFailures(
  tasks: readonly Task[],
  definitions: readonly ContainerDefinition[],
): ContainerFailure[] {
  const essential = new Map(definitions.map((definition) => [definition.name ?? "", definition.essential !== false]));
  return tasks.flatMap((task) =>
    (task.containers ?? []).flatMap((container) => {
      if (container.exitCode === 0) return [];
      const name = container.name ?? "(unnamed)";
      const reason = [container.reason, task.stoppedReason].filter(Boolean).join("; ") || "no reason given";
      return [
        {
          taskId: taskIdOf(task.taskArn),
          container: name,
          exitCode: container.exitCode,
          reason,
          essential: essential.get(name) ?? true,
        },
      ];
    }),
  );
}

export function formatContainerFailure(failure: ContainerFailure): string {
  const exit = failure.exitCode === undefined ? "did not run" : `exited with code ${failure.exitCode}`;
  return `task ${failure.taskId}: container ${failure.container} ${exit} (${failure.reason})`;
}

/** The last part of a task ARN, as the console and log stream names use it. */
export function taskIdOf(taskArn: string | undefined): string {
  return (taskArn ?? "").split("/").pop() ?? "";
}

/** Where a container's awslogs output goes: group, region, stream `prefix/container/task-id`. */
export function awslogsStreamOf(
  definition: ContainerDefinition,
  taskArn: string | undefined,
): { group: string; stream: string; region?: string } | undefined {
  const log = definition.logConfiguration;
  const options = log?.options ?? {};
  const group = options["awslogs-group"];
  const prefix = options["awslogs-stream-prefix"];
  if (log?.logDriver !== "awslogs" || !group || !prefix || !definition.name) return undefined;
  const region = options["awslogs-region"];
  return { group, stream: `${prefix}/${definition.name}/${taskIdOf(taskArn)}`, ...(region ? { region } : {}) };
}
