// The step's inputs, as aws-actions/amazon-ecs-render-task-definition@v1 takes them, parsed and
// cross-checked in one place.
import {
  InputParser,
  type InputReader,
  inWorkspace,
  runnerInputs,
  workspaceOf,
  type WorkspacePath,
} from "@shipshape/action-kit";
import type { ContainerEdits } from "@shipshape/core";

export type RenderSource =
  | { kind: "file"; file: WorkspacePath }
  /** A registered revision: an ARN, family:revision, or a family (its latest revision). */
  | { kind: "registered"; taskDefinition: string };

export interface Inputs {
  region: string;
  source: RenderSource;
  containers: string[];
  edits: ContainerEdits;
  taskRoleArn: string | undefined;
  executionRoleArn: string | undefined;
  /** Where the rendered file goes (RUNNER_TEMP). */
  outputDirectory: string;
}

/** The log drivers ECS takes (API Reference, LogConfiguration). */
export const LOG_DRIVERS = [
  "json-file",
  "syslog",
  "journald",
  "logentries",
  "gelf",
  "fluentd",
  "awslogs",
  "splunk",
  "awsfirelens",
];
const ROLE_ARN = /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f)?:iam::\d{12}:role\/.+$/;

export function readInputs(): Inputs {
  return parseInputs(runnerInputs, process.env);
}

/** Parses and cross-checks the inputs; throws one Error listing every problem. */
export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const parse = new InputParser(read);
  const { problems } = parse;
  const file = parse.string("task-definition");
  const arn = parse.string("task-definition-arn");
  const family = parse.string("task-definition-family");
  const revision = parse.wholeNumber("task-definition-revision", 1);
  parse.need(
    Boolean(file || arn || family),
    "give task-definition (a file), task-definition-arn, or task-definition-family (with task-definition-revision or not)",
  );
  parse.need(
    !(revision !== undefined && !family && !arn && !file),
    "task-definition-revision needs task-definition-family",
  );
  const containerInput = parse.string("container-name", { required: true });
  const containers = containerInput.split(",").map((name) => name.trim());
  parse.need(
    containerInput === "" || containers.every(Boolean),
    `container-name: give one name or names separated by commas, found "${containerInput}"`,
  );
  const image = parse.string("image", { required: true });
  const logDriver = parse.string("log-configuration-log-driver");
  parse.need(
    logDriver === "" || LOG_DRIVERS.includes(logDriver),
    `log-configuration-log-driver must be one of ${LOG_DRIVERS.join(", ")}, found "${logDriver}"`,
  );
  const command = parse.string("command");
  const roles = { taskRoleArn: parse.string("task-role-arn"), executionRoleArn: parse.string("execution-role-arn") };
  for (const [name, value] of [
    ["task-role-arn", roles.taskRoleArn],
    ["execution-role-arn", roles.executionRoleArn],
  ] as const) {
    parse.need(
      value === "" || ROLE_ARN.test(value),
      `${name} must be an IAM role ARN (arn:aws:iam::<account-id>:role/<name>)`,
    );
  }
  const edits: ContainerEdits = {
    ...(image ? { image } : {}),
    ...optionalList(
      "environment",
      pairs(parse.lines("environment-variables"), "environment-variables", problems),
      ([name, value]) => ({ name, value }),
    ),
    ...optionalList("secrets", pairs(parse.lines("secrets"), "secrets", problems), ([name, valueFrom]) => ({
      name,
      valueFrom,
    })),
    ...(logDriver ? { logDriver } : {}),
    ...optionalList(
      "logOptions",
      pairs(parse.lines("log-configuration-options"), "log-configuration-options", problems),
      (pair) => pair,
    ),
    ...optionalList("dockerLabels", pairs(parse.lines("docker-labels"), "docker-labels", problems), (pair) => pair),
    // As the anchor: the command is split at spaces.
    ...(command ? { command: command.split(" ").filter(Boolean) } : {}),
    ...optionalList("environmentFiles", parse.lines("env-files"), (arnOfFile) => arnOfFile),
  };
  const inputs: Inputs = {
    region: parse.string("region") || env.AWS_REGION || env.AWS_DEFAULT_REGION || "",
    source: file
      ? { kind: "file", file: inWorkspace(file, workspaceOf(env)) }
      : { kind: "registered", taskDefinition: arn || (revision !== undefined ? `${family}:${revision}` : family) },
    containers: containerInput ? containers : [],
    edits,
    taskRoleArn: roles.taskRoleArn || undefined,
    executionRoleArn: roles.executionRoleArn || undefined,
    outputDirectory: env.RUNNER_TEMP || workspaceOf(env),
  };
  parse.need(
    inputs.source.kind === "file" || inputs.region !== "",
    "region is not set: give the region input, or set AWS_REGION (aws-actions/configure-aws-credentials does)",
  );
  parse.finish();
  return inputs;
}

/** `key=value` lines, split at the first `=`. */
function pairs(lines: readonly string[], name: string, problems: string[]): [string, string][] {
  const found: [string, string][] = [];
  for (const line of lines) {
    const equals = line.indexOf("=");
    if (equals <= 0) problems.push(`${name}: write one KEY=value per line, found "${line.slice(0, 40)}"`);
    else found.push([line.slice(0, equals), line.slice(equals + 1)]);
  }
  return found;
}

function optionalList<K extends keyof ContainerEdits, T, U>(
  key: K,
  items: readonly T[],
  map: (item: T) => U,
): { [P in K]?: U[] } {
  return (items.length > 0 ? { [key]: items.map(map) } : {}) as { [P in K]?: U[] };
}
