import { parseArgs } from "node:util";
import {
  DEFAULT_MAXIMUM_PERCENT,
  DEFAULT_MINIMUM_HEALTHY_PERCENT,
  planRollingDeployment,
  type RollingPlan,
} from "@shipshape/core";
import { UsageError } from "@shipshape/project";
import { renderPlan } from "@shipshape/report";
import type { Io } from "../io.js";

export const planUsage = `Usage: shipshape plan --desired N [--min PERCENT] [--max PERCENT] [--format text|json]

Shows the phases of an ECS rolling deployment: how many tasks start and stop at each step
within minimumHealthyPercent (default ${DEFAULT_MINIMUM_HEALTHY_PERCENT}) and maximumPercent (default ${DEFAULT_MAXIMUM_PERCENT}).
Exit codes: 0 the deployment can progress, 1 it cannot, 2 usage error.`;

export function planCommand(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      desired: { type: "string" },
      min: { type: "string" },
      max: { type: "string" },
      format: { type: "string", short: "f" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(`${planUsage}\n`);
    return 0;
  }
  if (values.desired === undefined) throw new UsageError(`--desired is required\n\n${planUsage}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}: use text or json`);
  const plan = planRollingDeployment({
    desiredCount: wholeNumber("--desired", values.desired),
    minimumHealthyPercent: wholeNumber("--min", values.min ?? String(DEFAULT_MINIMUM_HEALTHY_PERCENT)),
    maximumPercent: wholeNumber("--max", values.max ?? String(DEFAULT_MAXIMUM_PERCENT)),
  });
  io.stdout.write(format === "json" ? `${JSON.stringify(planJson(plan), null, 2)}\n` : renderPlan(plan));
  return plan.canProgress ? 0 : 1;
}

function wholeNumber(flag: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} ${value}: use a whole number`);
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
