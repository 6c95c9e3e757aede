// run-task: the registered task definition run as one-off tasks (a migration) before the service
// is updated, as amazon-ecs-deploy-task-definition does; with wait-for-task-stopped the step waits
// for them, fails when an essential container exits non-zero, and prints the last lines of its
// awslogs output.
import { randomUUID } from "node:crypto";
import * as core from "@actions/core";
import type { ECSClient, RunTaskCommandInput } from "@aws-sdk/client-ecs";
import {
  awslogsStreamOf,
  type ContainerFailure,
  containerFailures,
  createLogsClient,
  formatContainerFailure,
  lastLogLines,
  runTasks,
  type TaskDefinitionInput,
  taskIdOf,
  waitForTasksStopped,
} from "@shipshape/aws";
import type { Inputs } from "./context.js";
import type { RunTaskInputs } from "./drop-in-inputs.js";

export interface RunTaskReport {
  taskArns: string[];
  /** Set once the tasks stopped (wait-for-task-stopped). */
  stopped?: boolean;
  failures: ContainerFailure[];
}

const LOG_LINES = 20;

/** RunTask as the anchor calls it: a capacity provider strategy, else the launch type; awsvpc settings only when given. */
export function runTaskInput(
  cluster: string,
  taskDefinitionArn: string,
  run: RunTaskInputs,
  managedTags?: boolean,
): RunTaskCommandInput {
  const awsvpc = run.subnets.length > 0 || run.securityGroups.length > 0;
  return {
    cluster,
    taskDefinition: taskDefinitionArn,
    startedBy: run.startedBy,
    ...(run.capacityProviderStrategy.length > 0
      ? { capacityProviderStrategy: run.capacityProviderStrategy }
      : { launchType: run.launchType }),
    ...(awsvpc
      ? {
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: run.subnets,
              ...(run.securityGroups.length > 0 ? { securityGroups: run.securityGroups } : {}),
              assignPublicIp: run.assignPublicIp,
            },
          },
        }
      : {}),
    ...(run.containerOverrides.length > 0 ? { overrides: { containerOverrides: run.containerOverrides } } : {}),
    ...(run.tags.length > 0 ? { tags: run.tags } : {}),
    ...(managedTags !== undefined ? { enableECSManagedTags: managedTags } : {}),
    ...(run.managedEbsVolume ? { volumeConfigurations: [run.managedEbsVolume] } : {}),
  };
}

export async function runOneOffTasks(
  inputs: Inputs,
  ecs: ECSClient,
  taskDefinitionArn: string,
  rendered: TaskDefinitionInput,
  report: RunTaskReport,
): Promise<void> {
  const run = inputs.dropIn.runTask;
  if (!run) return;
  const tasks = await runTasks(
    ecs,
    runTaskInput(inputs.cluster, taskDefinitionArn, run, inputs.dropIn.serviceExtras.enableECSManagedTags),
  );
  report.taskArns = tasks.flatMap((task) => task.taskArn ?? []);
  core.setOutput("run-task-arn", JSON.stringify(report.taskArns));
  core.info(
    `started ${report.taskArns.length} task(s) of ${taskDefinitionArn}: ${report.taskArns.map(taskIdOf).join(", ")}`,
  );
  if (!run.waitForStopped) return;

  const stopped = await waitForTasksStopped(ecs, {
    cluster: inputs.cluster,
    taskArns: report.taskArns,
    timeoutMs: inputs.timeoutMinutes * 60_000,
    ...(inputs.dropIn.maxPollIntervalMs ? { maxPollIntervalMs: inputs.dropIn.maxPollIntervalMs } : {}),
    onProgress: (line) => core.info(line),
  });
  report.stopped = true;
  const definitions = rendered.containerDefinitions ?? [];
  report.failures = containerFailures(stopped, definitions);
  for (const failure of report.failures.filter((item) => !item.essential)) {
    core.warning(`${formatContainerFailure(failure)}; it is not essential, so the run counts`);
  }
  const essential = report.failures.filter((failure) => failure.essential);
  if (essential.length === 0) {
    core.info("every essential container exited 0");
    return;
  }
  await printLogs(
    inputs,
    essential,
    stopped.map((task) => task.taskArn ?? ""),
    definitions,
  );
  throw new Error(`run-task failed: ${essential.map(formatContainerFailure).join("; ")}`);
}

/** The last lines each failed container wrote through awslogs; a read that fails is a warning, not a second failure. */
async function printLogs(
  inputs: Inputs,
  failures: readonly ContainerFailure[],
  taskArns: readonly string[],
  definitions: NonNullable<TaskDefinitionInput["containerDefinitions"]>,
): Promise<void> {
  for (const failure of failures) {
    const definition = definitions.find((item) => item.name === failure.container);
    const taskArn = taskArns.find((arn) => taskIdOf(arn) === failure.taskId);
    const stream = definition && awslogsStreamOf(definition, taskArn);
    if (!stream) continue;
    try {
      const logs = createLogsClient({
        region: stream.region ?? inputs.region,
        ...(inputs.dropIn.maxAttempts ? { maxAttempts: inputs.dropIn.maxAttempts } : {}),
      });
      const lines = await lastLogLines(logs, stream, LOG_LINES);
      core.startGroup(`Last ${lines.length} log lines of ${failure.container} (${stream.group} ${stream.stream})`);
      printUntrusted(lines.length > 0 ? lines : ["(no log events)"]);
      core.endGroup();
    } catch (error) {
      core.warning(
        `could not read the logs of ${failure.container} (${stream.group} ${stream.stream}): ${(error as Error).message}`,
      );
    }
  }
}

/** A task's own output, with workflow commands in it turned off (the runner's stop-commands). */
function printUntrusted(lines: readonly string[]): void {
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(lines.join("\n"));
  core.info(`::${token}::`);
}
