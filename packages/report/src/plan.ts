// The rolling plan as text: the CLI's `shipshape plan` and the deploy action's log and summary.
import type { RollingPlan } from "@shipshape/core";

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
