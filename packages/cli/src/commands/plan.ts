import { parseArgs } from "node:util";
import {
  DEFAULT_MAXIMUM_PERCENT,
  DEFAULT_MINIMUM_HEALTHY_PERCENT,
  planRollingDeployment,
  type RollingPlan,
} from "@shipshape/core";
import { UsageError } from "../files.js";
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

/** A table of the steps, with a bar per step: █ healthy, ░ running but not counted healthy. */
export function renderPlan(plan: RollingPlan): string {
  const lines = [
    `Healthy tasks kept: at least ${plan.lowerBound}. Tasks running or pending: at most ${plan.upperBound}.`,
  ];
  if (!plan.canProgress) {
    lines.push(`Cannot progress: ${plan.reason}`);
    return `${lines.join("\n")}\n`;
  }
  if (plan.phases.length === 0) {
    lines.push("Nothing to replace (desired count 0).");
    return `${lines.join("\n")}\n`;
  }
  const scale = Math.max(1, Math.ceil(plan.peakTasks / 40));
  const bar = (count: number, char: string) => char.repeat(Math.ceil(count / scale));
  lines.push("", " step  action  count  running  healthy");
  plan.phases.forEach((phase, index) => {
    const row = `${String(index + 1).padStart(5)}  ${phase.action.padEnd(6)}  ${String(phase.count).padStart(5)}  ${String(phase.running).padStart(7)}  ${String(phase.healthy).padStart(7)}`;
    lines.push(`${row}  ${bar(phase.healthy, "█")}${bar(Math.max(0, phase.running - phase.healthy), "░")}`);
  });
  lines.push(
    "",
    `Peak ${plan.peakTasks} tasks, never fewer than ${plan.lowestHealthy} healthy. The circuit breaker fails the deployment after ${plan.circuitBreakerThreshold} failed tasks.${scale > 1 ? ` (one block = ${scale} tasks)` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}
