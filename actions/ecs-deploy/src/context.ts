// The step's inputs, parsed and cross-checked in one place: everything after this works on Inputs.
import {
  InputParser,
  type InputReader,
  inWorkspace,
  withAliases,
  workspaceOf,
} from "@shipshape/action-kit";
import type { ContainerImage } from "@shipshape/aws";
import { builtInPresets } from "@shipshape/core";
import { type DropInInputs, parseDropInInputs } from "./drop-in-inputs.js";
import { parseStrategyInputs, type StrategyInputs } from "./strategy-inputs.js";

/** Where the task definition comes from. */
export type TaskDefinitionSource =
  | { kind: "file"; path: string /** relative to the workspace, for annotations */; shownPath: string }
  | { kind: "arn"; arn: string }
  /** Neither input: the service's current task definition, with the new images. */
  | { kind: "service" };

export type PolicySource =
  | { kind: "off" }
  | { kind: "preset"; name: string }
  | { kind: "config"; path: string; shownPath: string };

export interface Inputs {
  region: string;
  cluster: string;
  /** Empty: register the task definition (and run the task, if asked) without deploying a service. */
  service: string;
  taskDefinition: TaskDefinitionSource;
  images: ContainerImage[];
  desiredCount: number | undefined;
  minimumHealthyPercent: number | undefined;
  maximumPercent: number | undefined;
  circuitBreaker: { enable: boolean; rollback: boolean };
  alarms: string[];
  wait: boolean;
  timeoutMinutes: number;
  policy: PolicySource;
  /** on-failure: deploy the previous revision when the rollout fails and ECS did not roll back. */
  rollback: "on-failure" | "never";
  forceNewDeployment: boolean;
  dryRun: boolean;
  /** strategy, bake-time, canary-*, linear-*, wait-until (strategy-inputs.ts) */
  deploymentStrategy: StrategyInputs;
  /** The inputs of aws-actions/amazon-ecs-deploy-task-definition that shipshape takes as they are. */
  dropIn: DropInInputs;
  /** Its input names given in place of shipshape's, for a note in the log. */
  aliasesUsed: string[];
}

/** amazon-ecs-deploy-task-definition's names for shipshape's inputs. */
export const INPUT_ALIASES = {
  wait: "wait-for-service-stability",
  "timeout-minutes": "wait-for-minutes",
} as const;

const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const POLICY_OFF = ["off", "none", "false"];

/** Parses and cross-checks the inputs; throws one Error listing every problem. */
export function parseInputs(readInput: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const aliased = withAliases(readInput, INPUT_ALIASES);
  const parse = new InputParser(aliased.read);
  const { problems } = parse;
  const workspace = workspaceOf(env);

  const file = parse.string("task-definition");
  const arn = parse.string("task-definition-arn");
  parse.need(
    !(file && arn),
    "task-definition and task-definition-arn exclude each other: give a file, or a registered revision",
  );
  const cluster = parse.string("cluster") || "default";
  const service = parse.string("service");
  const inputs: Inputs = {
    region: parse.string("region") || env.AWS_REGION || env.AWS_DEFAULT_REGION || "",
    cluster,
    service,
    taskDefinition: file
      ? { kind: "file", ...taskDefinitionPath(parse, file, workspace, env) }
      : arn
        ? { kind: "arn", arn }
        : { kind: "service" },
    images: parseImages(parse.lines("images"), problems),
    desiredCount: parse.wholeNumber("desired-count", 0),
    minimumHealthyPercent: parse.wholeNumber("minimum-healthy-percent", 0, 100),
    maximumPercent: parse.wholeNumber("maximum-percent", 100),
    circuitBreaker: CIRCUIT_BREAKER_MODES[parse.oneOf("circuit-breaker", ["rollback", "true", "false"], "rollback")],
    alarms: parse.list("alarms"),
    wait: parse.boolean("wait", true),
    timeoutMinutes: parse.positiveNumber("timeout-minutes", 30, 360),
    policy: parsePolicy(parse.string("policy"), workspace),
    rollback: ROLLBACK_MODES[parse.oneOf("rollback", ["on-failure", "never", "false"], "never")],
    forceNewDeployment: parse.boolean("force-new-deployment", false),
    dryRun: parse.boolean("dry-run", false),
    deploymentStrategy: parseStrategyInputs(parse),
    dropIn: parseDropInInputs(parse, { cluster, service, workspace }),
    aliasesUsed: aliased.used(),
  };
  for (const conflict of aliased.conflicts()) parse.need(false, conflict);
  parse.need(
    inputs.service !== "" || inputs.taskDefinition.kind !== "service",
    "give service, or a task definition (task-definition or task-definition-arn) to register without deploying",
  );
  parse.need(
    inputs.region !== "",
    "region is not set: give the region input, or set AWS_REGION (aws-actions/configure-aws-credentials does)",
  );
  parse.need(
    !(inputs.rollback === "on-failure" && !inputs.wait),
    "rollback: on-failure needs wait: true (the step must see the rollout fail)",
  );
  parse.need(
    inputs.wait || inputs.deploymentStrategy.waitUntil === "stable",
    `wait-until ${inputs.deploymentStrategy.waitUntil} needs wait: true`,
  );
  const { minimumHealthyPercent: min, maximumPercent: max } = inputs;
  parse.need(
    min === undefined || max === undefined || min <= max,
    `minimum-healthy-percent ${min} is above maximum-percent ${max}`,
  );
  parse.finish();
  return inputs;
}

const CIRCUIT_BREAKER_MODES: Record<"rollback" | "true" | "false", Inputs["circuitBreaker"]> = {
  rollback: { enable: true, rollback: true },
  true: { enable: true, rollback: false },
  false: { enable: false, rollback: false },
};

const ROLLBACK_MODES: Record<"on-failure" | "never" | "false", Inputs["rollback"]> = {
  "on-failure": "on-failure",
  never: "never",
  false: "never",
};

/** `container=image` lines (blank lines and `#` comments already dropped). */
export function parseImages(lines: readonly string[], problems: string[]): ContainerImage[] {
  const images: ContainerImage[] = [];
  for (const line of lines) {
    const equals = line.indexOf("=");
    const container = line.slice(0, Math.max(0, equals)).trim();
    const image = line.slice(equals + 1).trim();
    if (equals <= 0 || image === "" || /\s/.test(image) || !CONTAINER_NAME.test(container)) {
      problems.push(
        `images: write one container=image per line (e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2), found "${line}"`,
      );
    } else if (images.some((known) => known.container === container)) {
      problems.push(`images: container "${container}" is given more than one image`);
    } else {
      images.push({ container, image });
    }
  }
  return images;
}

function parsePolicy(value: string, workspace: string): PolicySource {
  if (POLICY_OFF.includes(value.toLowerCase())) return { kind: "off" };
  const name = value || "recommended";
  if (builtInPresets.has(name)) return { kind: "preset", name };
  return { kind: "config", ...inWorkspace(name, workspace) };
}

/** The task-definition file: in the workspace, or in RUNNER_TEMP where ecs-render (or amazon-ecs-render-task-definition) wrote it. */
function taskDefinitionPath(parse: InputParser, file: string, workspace: string, env: NodeJS.ProcessEnv) {
  const written = env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [];
  return parse.workspacePath("task-definition", file, workspace, written) ?? { path: "", shownPath: file };
}
