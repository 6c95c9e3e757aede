// The step's inputs, parsed and cross-checked in one place: everything after this works on Inputs.
import { isAbsolute, relative, resolve } from "node:path";
import type { ContainerImage } from "@shipshape/aws";
import { builtInPresets } from "@shipshape/core";
import * as runner from "@shipshape/runner";

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
}

/** Reads one input by its action.yml name, trimmed; "" when unset. */

const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const POLICY_OFF = ["off", "none", "false"];

export function readInputs(): Inputs {
  return parseInputs((name) => runner.getInput(name), process.env);
}

/** Parses and cross-checks the inputs; throws one Error listing every problem. */
export function parseInputs(read: runner.InputReader, env: NodeJS.ProcessEnv): Inputs {
  const parse = new runner.InputParser(read);
  const { problems } = parse;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inWorkspace = (value: string) => {
    const path = isAbsolute(value) ? value : resolve(workspace, value);
    return { path, shownPath: relative(workspace, path) || path };
  };

  const file = read("task-definition");
  const arn = read("task-definition-arn");
  if (file && arn)
    problems.push("task-definition and task-definition-arn exclude each other: give a file, or a registered revision");
  const timeout = read("timeout-minutes") || "30";
  const timeoutMinutes = Number(timeout);
  if (!(timeoutMinutes > 0 && timeoutMinutes <= 360))
    problems.push(`timeout-minutes must be a number of minutes above 0, at most 360, found "${timeout}"`);

  const inputs: Inputs = {
    region: read("region") || env.AWS_REGION || env.AWS_DEFAULT_REGION || "",
    cluster: read("cluster") || "default",
    service: read("service"),
    taskDefinition: file ? { kind: "file", ...inWorkspace(file) } : arn ? { kind: "arn", arn } : { kind: "service" },
    images: parseImages(read("images"), problems),
    desiredCount: parse.wholeNumber("desired-count", 0),
    minimumHealthyPercent: parse.wholeNumber("minimum-healthy-percent", 0, 100),
    maximumPercent: parse.wholeNumber("maximum-percent", 100),
    circuitBreaker: parseCircuitBreaker(read("circuit-breaker"), problems),
    alarms: parse.list("alarms"),
    wait: parse.boolean("wait", true),
    timeoutMinutes,
    policy: parsePolicy(read("policy"), inWorkspace),
    rollback: parseRollback(read("rollback"), problems),
    forceNewDeployment: parse.boolean("force-new-deployment", false),
    dryRun: parse.boolean("dry-run", false),
  };
  if (!inputs.service) problems.push("service is required: the ECS service to deploy");
  if (!inputs.region)
    problems.push(
      "region is not set: give the region input, or set AWS_REGION (aws-actions/configure-aws-credentials does)",
    );
  if (inputs.rollback === "on-failure" && !inputs.wait)
    problems.push("rollback: on-failure needs wait: true (the step must see the rollout fail)");
  const { minimumHealthyPercent: min, maximumPercent: max } = inputs;
  if (min !== undefined && max !== undefined && min > max)
    problems.push(`minimum-healthy-percent ${min} is above maximum-percent ${max}`);
  if (problems.length > 0) throw new Error(`invalid inputs:\n- ${problems.join("\n- ")}`);
  return inputs;
}

/** `container=image` lines; blank lines and `#` comments are skipped. */
export function parseImages(text: string, problems: string[]): ContainerImage[] {
  const images: ContainerImage[] = [];
  for (const line of text.split("\n").map((item) => item.trim())) {
    if (line === "" || line.startsWith("#")) continue;
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

function parseCircuitBreaker(value: string, problems: string[]): Inputs["circuitBreaker"] {
  switch (value.toLowerCase() || "rollback") {
    case "rollback":
      return { enable: true, rollback: true };
    case "true":
      return { enable: true, rollback: false };
    case "false":
      return { enable: false, rollback: false };
    default:
      problems.push(`circuit-breaker must be rollback, true or false, found "${value}"`);
      return { enable: true, rollback: true };
  }
}

function parseRollback(value: string, problems: string[]): Inputs["rollback"] {
  const normalized = value.toLowerCase();
  if (normalized === "on-failure") return "on-failure";
  if (["", "false", "never"].includes(normalized)) return "never";
  problems.push(`rollback must be on-failure or false, found "${value}"`);
  return "never";
}

function parsePolicy(value: string, inWorkspace: (path: string) => { path: string; shownPath: string }): PolicySource {
  if (POLICY_OFF.includes(value.toLowerCase())) return { kind: "off" };
  const name = value || "recommended";
  if (builtInPresets.has(name)) return { kind: "preset", name };
  return { kind: "config", ...inWorkspace(name) };
}
