// The inputs of aws-actions/amazon-ecs-deploy-task-definition@v2 that shipshape takes under the
// same names and meanings: run-task and its run-task-* inputs, the CodeDeploy ones, the service's
// managed EBS volume and tags, retries and the empty keys kept.
import { existsSync } from "node:fs";
import type {
  CapacityProviderStrategyItem,
  ContainerOverride,
  PropagateTags,
  ServiceManagedEBSVolumeConfiguration,
  Tag,
  TaskManagedEBSVolumeConfiguration,
} from "@aws-sdk/client-ecs";
import { type InputParser, inWorkspace, jsonInput, type WorkspacePath } from "@shipshape/action-kit";

export interface RunTaskInputs {
  launchType: "FARGATE" | "EC2" | "EXTERNAL";
  capacityProviderStrategy: CapacityProviderStrategyItem[];
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: "ENABLED" | "DISABLED";
  containerOverrides: ContainerOverride[];
  startedBy: string;
  tags: Tag[];
  managedEbsVolume?: { name: string; managedEBSVolume: TaskManagedEBSVolumeConfiguration };
  waitForStopped: boolean;
}

export interface CodeDeployInputs {
  /** The appspec file; undefined when none is given and appspec.yaml is not in the workspace (one is generated). */
  appSpec: WorkspacePath | undefined;
  application: string;
  deploymentGroup: string;
  description: string;
  deploymentConfig: string;
}

export interface ServiceExtras {
  enableECSManagedTags?: boolean;
  propagateTags?: PropagateTags;
  volumeConfigurations?: { name: string; managedEBSVolume: ServiceManagedEBSVolumeConfiguration }[];
}

export interface DropInInputs {
  runTask: RunTaskInputs | undefined;
  codeDeploy: CodeDeployInputs;
  serviceExtras: ServiceExtras;
  /** Most polls' longest pause (wait-max-delay-seconds). */
  maxPollIntervalMs: number | undefined;
  /** SDK attempts per call: max-retries + 1; undefined keeps shipshape's default. */
  maxAttempts: number | undefined;
  keepNullValueKeys: string[];
}

const isArrayOfObjects = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && !Array.isArray(item));
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function parseDropInInputs(
  parse: InputParser,
  context: { cluster: string; service: string; workspace: string },
): DropInInputs {
  const { problems } = parse;
  const read = parse.read;
  const runTask = parse.boolean("run-task", false);
  const retries = parse.wholeNumber("max-retries", 0, 20);
  const maxDelay = parse.wholeNumber("wait-max-delay-seconds", 1, 3600);
  const appSpecInput = parse.string("codedeploy-appspec");
  const defaultAppSpec = inWorkspace("appspec.yaml", context.workspace);
  return {
    runTask: runTask ? parseRunTask(parse) : undefinedAfterChecking(parse),
    codeDeploy: {
      appSpec: appSpecInput
        ? inWorkspace(appSpecInput, context.workspace)
        : existsSync(defaultAppSpec.path)
          ? defaultAppSpec
          : undefined,
      application: parse.string("codedeploy-application") || `AppECS-${context.cluster}-${context.service}`,
      deploymentGroup: parse.string("codedeploy-deployment-group") || `DgpECS-${context.cluster}-${context.service}`,
      description: parse.string("codedeploy-deployment-description"),
      deploymentConfig: parse.string("codedeploy-deployment-config"),
    },
    serviceExtras: {
      ...optional("enableECSManagedTags", optionalBoolean(parse, "enable-ecs-managed-tags")),
      ...optional(
        "propagateTags",
        read("propagate-tags")
          ? parse.oneOf<PropagateTags>("propagate-tags", ["SERVICE", "TASK_DEFINITION", "NONE"], "NONE")
          : undefined,
      ),
      ...optional("volumeConfigurations", managedVolume(parse, "service-managed-ebs-volume", problems)),
    },
    maxPollIntervalMs: maxDelay === undefined ? undefined : maxDelay * 1000,
    maxAttempts: retries === undefined ? undefined : retries + 1,
    keepNullValueKeys: parse.list("keep-null-value-keys"),
  };
}

function parseRunTask(parse: InputParser): RunTaskInputs {
  const { problems, read } = parse;
  const capacityProviderStrategy =
    jsonInput(
      read,
      problems,
      "run-task-capacity-provider-strategy",
      isArrayOfObjects,
      "an array of capacity provider strategy items",
    ) ?? [];
  const volume = managedVolume(parse, "run-task-managed-ebs-volume", problems)?.[0];
  return {
    launchType: parse.oneOf("run-task-launch-type", ["FARGATE", "EC2", "EXTERNAL"], "FARGATE"),
    capacityProviderStrategy: capacityProviderStrategy as unknown as CapacityProviderStrategyItem[],
    subnets: parse.list("run-task-subnets"),
    securityGroups: parse.list("run-task-security-groups"),
    assignPublicIp: parse.oneOf("run-task-assign-public-IP", ["ENABLED", "DISABLED"], "DISABLED"),
    containerOverrides: (jsonInput(
      read,
      problems,
      "run-task-container-overrides",
      isArrayOfObjects,
      "an array of container overrides",
    ) ?? []) as unknown as ContainerOverride[],
    startedBy: parse.string("run-task-started-by") || "GitHub-Actions",
    tags: (jsonInput(read, problems, "run-task-tags", isArrayOfObjects, "an array of {key, value} tags") ??
      []) as unknown as Tag[],
    ...(volume ? { managedEbsVolume: volume as RunTaskInputs["managedEbsVolume"] & object } : {}),
    waitForStopped: parse.boolean("wait-for-task-stopped", false),
  };
}

const RUN_TASK_INPUTS = [
  "run-task-container-overrides",
  "run-task-security-groups",
  "run-task-subnets",
  "run-task-assign-public-IP",
  "run-task-capacity-provider-strategy",
  "run-task-launch-type",
  "run-task-started-by",
  "run-task-tags",
  "run-task-managed-ebs-volume-name",
  "run-task-managed-ebs-volume",
];

/** The run-task-* inputs are still read when run-task is off, so one given by mistake is named, not ignored. */
function undefinedAfterChecking(parse: InputParser): undefined {
  const given = RUN_TASK_INPUTS.filter((name) => parse.read(name) !== "");
  if (parse.boolean("wait-for-task-stopped", false)) given.push("wait-for-task-stopped");
  if (given.length > 0) parse.need(false, `${given.join(", ")} take effect only with run-task: true`);
  return undefined;
}

/**
 * `<prefix>-name` and `<prefix>` (a JSON object with roleArn) as one volumeConfigurations item.
 * Fields are passed as ECS names them (API Reference, ServiceManagedEBSVolumeConfiguration).
 */
function managedVolume(
  parse: InputParser,
  prefix: string,
  problems: string[],
): { name: string; managedEBSVolume: ServiceManagedEBSVolumeConfiguration }[] | undefined {
  const name = parse.string(`${prefix}-name`);
  const volume = jsonInput(parse.read, problems, prefix, isObject, "an object");
  if (!name && !volume) return undefined;
  parse.need(Boolean(name && volume), `${prefix}-name and ${prefix} go together: give both`);
  if (volume)
    parse.need(
      typeof volume.roleArn === "string",
      `${prefix} must name its roleArn (the role ECS uses to manage the volume)`,
    );
  if (!name || !volume || typeof volume.roleArn !== "string") return undefined;
  return [{ name, managedEBSVolume: volume as unknown as ServiceManagedEBSVolumeConfiguration }];
}

function optionalBoolean(parse: InputParser, name: string): boolean | undefined {
  return parse.read(name) === "" ? undefined : parse.boolean(name, false);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
