import { parseArgs } from "node:util";
import {
  BAKE_TIME_RANGE,
  CANARY_BAKE_TIME_RANGE,
  CANARY_PERCENT_RANGE,
  DEFAULT_MAXIMUM_PERCENT,
  DEFAULT_MINIMUM_HEALTHY_PERCENT,
  describeRange,
  inRange,
  LINEAR_STEP_BAKE_TIME_RANGE,
  LINEAR_STEP_PERCENT_RANGE,
  planRollingDeployment,
  planTrafficShift,
  type RollingPlan,
  type SettingRange,
  type TrafficShiftPlanInput,
  type TrafficShiftStrategy,
} from "@shipshape/core";
import { UsageError } from "@shipshape/project";
import { renderPlan, renderTrafficShiftMarkdown, renderTrafficShiftTable, trafficShiftJson } from "@shipshape/report";
import type { Io } from "../io.js";

export const planUsage = `Usage: shipshape plan [--strategy rolling] --desired N [--min PERCENT] [--max PERCENT] [--format text|json|markdown]
       shipshape plan --strategy blue_green|linear|canary --desired N --bake-time MINUTES
                      [--canary-percent P --canary-interval MINUTES] [--linear-percent P --linear-interval MINUTES]
                      [--format text|json|markdown]

rolling: the phases of an ECS rolling deployment, how many tasks start and stop at each step
within minimumHealthyPercent (default ${DEFAULT_MINIMUM_HEALTHY_PERCENT}) and maximumPercent (default ${DEFAULT_MAXIMUM_PERCENT}).
blue_green, linear, canary: the production traffic-shift schedule of an ECS-native deployment
(minutes after the first shift, percent on the green revision), the peak task count, the bake
time and the total time. --bake-time is deploymentConfiguration.bakeTimeInMinutes (${BAKE_TIME_RANGE.min}-${BAKE_TIME_RANGE.max});
canary: --canary-percent (${CANARY_PERCENT_RANGE.min}-${CANARY_PERCENT_RANGE.max}, default ${CANARY_PERCENT_RANGE.default}) and --canary-interval (canaryBakeTimeInMinutes, default ${CANARY_BAKE_TIME_RANGE.default});
linear: --linear-percent (stepPercent ${LINEAR_STEP_PERCENT_RANGE.min}-${LINEAR_STEP_PERCENT_RANGE.max}, default ${LINEAR_STEP_PERCENT_RANGE.default}) and --linear-interval (stepBakeTimeInMinutes, default ${LINEAR_STEP_BAKE_TIME_RANGE.default}).
--format markdown prints a Mermaid chart and a table, for job summaries.
Exit codes: 0 the deployment can progress, 1 it cannot, 2 usage error.`;

const STRATEGIES: Record<string, TrafficShiftStrategy | "ROLLING"> = {
  rolling: "ROLLING",
  blue_green: "BLUE_GREEN",
  linear: "LINEAR",
  canary: "CANARY",
};

/** The options of one strategy family, to refuse them with the others. */
const ROLLING_OPTIONS = ["min", "max"] as const;
const TRAFFIC_SHIFT_OPTIONS = ["bake-time", "canary-percent", "canary-interval", "linear-percent", "linear-interval"] as const;

export function planCommand(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      strategy: { type: "string" },
      desired: { type: "string" },
      min: { type: "string" },
      max: { type: "string" },
      "bake-time": { type: "string" },
      "canary-percent": { type: "string" },
      "canary-interval": { type: "string" },
      "linear-percent": { type: "string" },
      "linear-interval": { type: "string" },
      format: { type: "string", short: "f" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(`${planUsage}\n`);
    return 0;
  }
  const strategy = STRATEGIES[(values.strategy ?? "rolling").toLowerCase()];
  if (!strategy) throw new UsageError(`--strategy ${values.strategy}: use rolling, blue_green, linear or canary`);
  if (values.desired === undefined) throw new UsageError(`--desired is required\n\n${planUsage}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "markdown")
    throw new UsageError(`--format ${format}: use text, json or markdown`);

  if (strategy !== "ROLLING") {
    refuse(values, ROLLING_OPTIONS, "rolling");
    const plan = trafficShiftPlan(strategy, values);
    if (format === "json") io.stdout.write(`${JSON.stringify(trafficShiftJson(plan), null, 2)}\n`);
    else io.stdout.write(format === "markdown" ? renderTrafficShiftMarkdown(plan) : renderTrafficShiftTable(plan));
    return 0;
  }

  refuse(values, TRAFFIC_SHIFT_OPTIONS, "blue_green, linear or canary");
  const plan = planRollingDeployment({
    desiredCount: wholeNumber("--desired", values.desired),
    minimumHealthyPercent: wholeNumber("--min", values.min ?? String(DEFAULT_MINIMUM_HEALTHY_PERCENT)),
    maximumPercent: wholeNumber("--max", values.max ?? String(DEFAULT_MAXIMUM_PERCENT)),
  });
  if (format === "json") io.stdout.write(`${JSON.stringify(planJson(plan), null, 2)}\n`);
  else io.stdout.write(format === "markdown" ? `\`\`\`text\n${renderPlan(plan)}\`\`\`\n` : renderPlan(plan));
  return plan.canProgress ? 0 : 1;
}

type PlanOptions = Partial<Record<string, string | boolean>>;

function refuse(values: PlanOptions, options: readonly string[], strategies: string): void {
  for (const option of options)
    if (values[option] !== undefined) throw new UsageError(`--${option} applies only to --strategy ${strategies}`);
}

/** Reads and range-checks the blue/green, linear or canary options, naming the option at fault. */
function trafficShiftPlan(strategy: TrafficShiftStrategy, values: PlanOptions) {
  const option = (name: string, range: SettingRange): number | undefined => {
    const text = values[name];
    if (typeof text !== "string") return undefined;
    const value = range.step === 1 ? wholeNumber(`--${name}`, text) : decimal(`--${name}`, text);
    if (!inRange(value, range)) throw new UsageError(`--${name} ${text}: use ${describeRange(range)}`);
    return value;
  };
  if (strategy !== "CANARY") refuse(values, ["canary-percent", "canary-interval"], "canary");
  if (strategy !== "LINEAR") refuse(values, ["linear-percent", "linear-interval"], "linear");
  const desiredCount = wholeNumber("--desired", values.desired as string);
  if (desiredCount < 0) throw new UsageError(`--desired ${desiredCount}: use a whole number, 0 or more`);
  const bakeTimeInMinutes = option("bake-time", BAKE_TIME_RANGE);
  if (bakeTimeInMinutes === undefined)
    throw new UsageError(`--bake-time is required with --strategy ${strategy.toLowerCase()}: ${describeRange(BAKE_TIME_RANGE)} (minutes)`);
  const input: TrafficShiftPlanInput = { strategy, desiredCount, bakeTimeInMinutes };
  const settings = {
    canaryPercent: option("canary-percent", CANARY_PERCENT_RANGE),
    canaryBakeTimeInMinutes: option("canary-interval", CANARY_BAKE_TIME_RANGE),
    stepPercent: option("linear-percent", LINEAR_STEP_PERCENT_RANGE),
    stepBakeTimeInMinutes: option("linear-interval", LINEAR_STEP_BAKE_TIME_RANGE),
  };
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) Object.assign(input, { [key]: value });
  const result = planTrafficShift(input);
  if (!result.ok) throw new UsageError(result.problems.map((problem) => problem.message).join("\n"));
  return result.plan;
}

function wholeNumber(flag: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} ${value}: use a whole number`);
  return Number(value);
}

function decimal(flag: string, value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`${flag} ${value}: use a number such as 10 or 2.5`);
  return Number(value);
}

function planJson(plan: RollingPlan) {
  return {
    lowerBound: plan.lowerBound,
    upperBound: plan.upperBound,
    canProgress: plan.canProgress,
    ...(plan.reason ? { reason: plan.reason } : {}),
    phases: plan.phases.map(({ action, count, running, healthy }) => ({ action, count, running, healthy })),
    peakTasks: plan.peakTasks,
    lowestHealthy: plan.lowestHealthy,
    circuitBreakerThreshold: plan.circuitBreakerThreshold,
  };
}
