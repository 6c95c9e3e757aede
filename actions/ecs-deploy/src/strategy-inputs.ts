// The inputs of ECS-native blue/green, linear and canary deployments: the strategy, its settings
// (checked against the ranges of @shipshape/core's strategy-settings, which cite the API Reference)
// and how far to wait. Read with the step's other inputs, so every bad one is named before any AWS call.
import type { InputParser } from "@shipshape/action-kit";
import {
  BAKE_TIME_RANGE,
  CANARY_BAKE_TIME_RANGE,
  CANARY_PERCENT_RANGE,
  type DeploymentStrategy,
  describeRange,
  inRange,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  LINEAR_STEP_BAKE_TIME_RANGE,
  LINEAR_STEP_PERCENT_RANGE,
  type SettingRange,
} from "@shipshape/core";

export interface StrategyInputs {
  /** undefined: deploy with the strategy the service has. */
  strategy: DeploymentStrategy | undefined;
  bakeTimeInMinutes: number | undefined;
  canaryPercent: number | undefined;
  canaryBakeTimeInMinutes: number | undefined;
  stepPercent: number | undefined;
  stepBakeTimeInMinutes: number | undefined;
  /** stable: until the deployment is done; a stage: until the deployment reaches it. */
  waitUntil: "stable" | LifecycleStage;
}

const STRATEGY_NAMES = ["rolling", "blue_green", "linear", "canary"] as const;

export function parseStrategyInputs(parse: InputParser): StrategyInputs {
  const name: string = parse.oneOf<string>("strategy", STRATEGY_NAMES, "");
  const strategy = name === "" ? undefined : (name.toUpperCase() as DeploymentStrategy);
  const setting = (input: string, range: SettingRange) => decimal(parse, input, range);
  const inputs: StrategyInputs = {
    strategy,
    bakeTimeInMinutes: setting("bake-time", BAKE_TIME_RANGE),
    canaryPercent: setting("canary-percent", CANARY_PERCENT_RANGE),
    canaryBakeTimeInMinutes: setting("canary-interval", CANARY_BAKE_TIME_RANGE),
    stepPercent: setting("linear-percent", LINEAR_STEP_PERCENT_RANGE),
    stepBakeTimeInMinutes: setting("linear-interval", LINEAR_STEP_BAKE_TIME_RANGE),
    waitUntil: parseWaitUntil(parse),
  };
  const only = (input: string, value: number | undefined, owner: DeploymentStrategy) =>
    parse.need(
      value === undefined || strategy === undefined || strategy === owner,
      `${input} applies only to strategy ${owner.toLowerCase()}, not ${name}`,
    );
  only("canary-percent", inputs.canaryPercent, "CANARY");
  only("canary-interval", inputs.canaryBakeTimeInMinutes, "CANARY");
  only("linear-percent", inputs.stepPercent, "LINEAR");
  only("linear-interval", inputs.stepBakeTimeInMinutes, "LINEAR");
  parse.need(
    !(strategy === "ROLLING" && inputs.bakeTimeInMinutes !== undefined),
    "bake-time applies to strategies blue_green, linear and canary, not rolling",
  );
  parse.need(
    !(strategy === "ROLLING" && inputs.waitUntil !== "stable"),
    `wait-until ${inputs.waitUntil} is a stage of blue_green, linear and canary deployments; a rolling deployment waits until stable`,
  );
  return inputs;
}

/** A number in the setting's documented range; undefined when not set. */
function decimal(parse: InputParser, input: string, range: SettingRange): number | undefined {
  const value = parse.string(input);
  if (value === "") return undefined;
  const number = Number(value);
  if (/^\d*\.?\d+$/.test(value) && inRange(number, range)) return number;
  parse.problems.push(`${input} must be ${describeRange(range)}, found "${value}"`);
  return undefined;
}

function parseWaitUntil(parse: InputParser): StrategyInputs["waitUntil"] {
  const value = parse.string("wait-until");
  if (value === "" || value.toLowerCase() === "stable") return "stable";
  const stage = LIFECYCLE_STAGES.find((known) => known === value.toUpperCase().replace(/^ECS:/, ""));
  if (stage) return stage;
  parse.problems.push(
    `wait-until must be stable or a lifecycle stage (${LIFECYCLE_STAGES.join(", ")}), found "${value}"`,
  );
  return "stable";
}

/** No strategy input set: the service's own strategy and settings, waiting until stable. */
export const SERVICE_STRATEGY: StrategyInputs = {
  strategy: undefined,
  bakeTimeInMinutes: undefined,
  canaryPercent: undefined,
  canaryBakeTimeInMinutes: undefined,
  stepPercent: undefined,
  stepBakeTimeInMinutes: undefined,
  waitUntil: "stable",
};
