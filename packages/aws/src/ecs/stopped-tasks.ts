// Why the tasks of a deployment stopped: ListTasks (desiredStatus STOPPED) and DescribeTasks.
import { DescribeTasksCommand, type ECSClient, ListTasksCommand, type Task } from "@aws-sdk/client-ecs";

export interface StoppedTask {
  taskArn: string;
  /** The last part of the ARN, as the console shows it. */
  taskId: string;
  stopCode?: string;
  stoppedReason?: string;
  stoppedAt?: Date;
  containers: { name: string; exitCode?: number; reason?: string }[];
}

export interface StoppedTaskQuery {
  cluster: string;
  /** Tasks a service starts carry its deployment id in startedBy. */
  deploymentId: string;
  taskDefinitionArn: string;
  /** At most this many, the most recently stopped first. */
  limit?: number;
}

/** ECS keeps stopped tasks for about an hour; DescribeTasks takes up to 100 at once. */
const DESCRIBE_BATCH = 100;

/**
 * The stopped tasks of one deployment, newest first. ListTasks filters by family and status (a
 * startedBy filter must stand alone), and the deployment's tasks are picked by startedBy.
 */
export async function findStoppedTasks(ecs: ECSClient, query: StoppedTaskQuery): Promise<StoppedTask[]> {
  const family = familyOf(query.taskDefinitionArn);
  const { taskArns = [] } = await ecs.send(
    new ListTasksCommand({ cluster: query.cluster, family, desiredStatus: "STOPPED", maxResults: DESCRIBE_BATCH }),
  );
  if (taskArns.length === 0) return [];
  const { tasks = [] } = await ecs.send(new DescribeTasksCommand({ cluster: query.cluster, tasks: taskArns }));
  return tasks
    .filter((task) =>
      task.startedBy ? task.startedBy === query.deploymentId : task.taskDefinitionArn === query.taskDefinitionArn,
    )
    .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
    .slice(0, query.limit ?? 10)
    .map(toStoppedTask);
}

/** `task 0a1b2c stopped (TaskFailedToStart): Essential container in task exited; web exit 1: ...`. */
export function formatStoppedTask(task: StoppedTask): string {
  const code = task.stopCode ? ` (${task.stopCode})` : "";
  const containers = task.containers
    .filter((container) => container.exitCode !== undefined || container.reason)
    .map((container) => {
      const exit = container.exitCode !== undefined ? ` exit ${container.exitCode}` : "";
      return `${container.name}${exit}${container.reason ? `: ${container.reason}` : ""}`;
    });
  return [`task ${task.taskId} stopped${code}: ${task.stoppedReason ?? "no reason given"}`, ...containers].join("; ");
}

/** `family` of `arn:aws:ecs:REGION:ACCOUNT:task-definition/family:7` (or of `family:7`). */
export function familyOf(taskDefinition: string): string {
  return taskDefinition.replace(/^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\//, "").replace(/:\d+$/, "");
}

function toStoppedTask(task: Task): StoppedTask {
  const taskArn = task.taskArn ?? "";
  return {
    taskArn,
    taskId: taskArn.split("/").pop() ?? taskArn,
    ...(task.stopCode ? { stopCode: task.stopCode } : {}),
    ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
    ...(task.stoppedAt ? { stoppedAt: task.stoppedAt } : {}),
    containers: (task.containers ?? []).map((container) => ({
      name: container.name ?? "",
      ...(container.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
      ...(container.reason ? { reason: container.reason } : {}),
    })),
  };
}
