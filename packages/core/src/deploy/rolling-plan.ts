import { circuitBreakerFailureThreshold } from "./circuit-breaker.js";

/**
 * The phases an ECS rolling update (deployment controller `ECS`, REPLICA scheduler) goes through
 * to replace every old task with a new one.
 *
 * ECS Developer Guide, "Deploy Amazon ECS services by replacing tasks"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html):
 * minimumHealthyPercent is the lower limit on healthy tasks, as a percent of the desired count,
 * rounded up; maximumPercent is the upper limit on RUNNING + PENDING tasks, rounded down.
 * Defaults for a REPLICA service (API Reference, DeploymentConfiguration): 100 and 200.
 *
 * The model: the service starts with `desiredCount` old tasks, all healthy. Each step either
 * starts as many new tasks as the upper bound allows (they count as healthy at the end of the
 * step), or, when there is no room or no new task is still needed, stops as many old tasks as the
 * lower bound allows. Real deployments also wait for health checks and may place fewer tasks than
 * allowed; the plan shows what the settings permit at best.
 */

export const DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
export const DEFAULT_MAXIMUM_PERCENT = 200;

export interface RollingPlanInput {
  desiredCount: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
}

export interface RollingPhase {
  action: "start" | "stop";
  count: number;
  /** Tasks running or pending after the step, old and new. */
  running: number;
  /** Healthy tasks after the step. */
  healthy: number;
}

export interface RollingPlan {
  /** ceil(desiredCount * minimumHealthyPercent / 100): healthy tasks ECS keeps at all times. */
  lowerBound: number;
  /** floor(desiredCount * maximumPercent / 100): tasks that may run or be pending at once. */
  upperBound: number;
  canProgress: boolean;
  /** Why the deployment cannot progress, and what to change; absent when it can. */
  reason?: string;
  phases: RollingPhase[];
  /** Most tasks running at once, the starting tasks included. */
  peakTasks: number;
  /** Fewest healthy tasks at once, the starting tasks included. */
  lowestHealthy: number;
  /** Failed launches after which the ECS deployment circuit breaker fails the deployment. */
  circuitBreakerThreshold: number;
}

/**
 * Plans a rolling deployment. Never throws: values read from user files that are not whole numbers
 * in ECS's ranges come back as a plan with `canProgress: false` and every problem in `reason`
 * (the counts are then 0).
 */
export function planRollingDeployment(input: RollingPlanInput): RollingPlan {
  const problems = validate(input);
  if (problems.length > 0) {
    return {
      lowerBound: 0,
      upperBound: 0,
      canProgress: false,
      reason: problems.join("; "),
      phases: [],
      peakTasks: 0,
      lowestHealthy: 0,
      circuitBreakerThreshold: 0,
    };
  }

  const { desiredCount: desired, minimumHealthyPercent: min, maximumPercent: max } = input;
  const lowerBound = percentOf(desired, min, "up");
  const upperBound = percentOf(desired, max, "down");
  const plan: RollingPlan = {
    lowerBound,
    upperBound,
    canProgress: true,
    phases: [],
    peakTasks: desired,
    lowestHealthy: desired,
    circuitBreakerThreshold: circuitBreakerFailureThreshold(desired),
  };

  let oldTasks = desired;
  let newTasks = 0;
  // Every step starts or stops at least one task, and a deployment starts `desired` tasks and
  // stops `desired`: 2 * desired steps at most. In practice far fewer (a few hundred at most),
  // since each step moves max(1, about desired * (max - min) / 100) tasks.
  const stepLimit = 2 * desired + 2;

  while (oldTasks > 0 || newTasks < desired) {
    if (plan.phases.length >= stepLimit) {
      return stuck(plan, `the plan did not finish within ${stepLimit} steps; this is a bug in shipshape`);
    }
    const running = oldTasks + newTasks;
    const room = upperBound - running;
    const stillNeeded = desired - newTasks;
    if (room > 0 && stillNeeded > 0) {
      const count = Math.min(room, stillNeeded);
      newTasks += count;
      record(plan, "start", count, oldTasks + newTasks);
      continue;
    }
    // Everything running is healthy at the end of a step.
    const count = Math.min(oldTasks, running - lowerBound);
    if (count <= 0) return stuck(plan, noRoomReason(input, lowerBound, upperBound));
    oldTasks -= count;
    record(plan, "stop", count, oldTasks + newTasks);
  }
  return plan;
}

function record(plan: RollingPlan, action: RollingPhase["action"], count: number, running: number): void {
  // New tasks count as healthy at the end of the step that started them, so healthy = running.
  plan.phases.push({ action, count, running, healthy: running });
  plan.peakTasks = Math.max(plan.peakTasks, running);
  plan.lowestHealthy = Math.min(plan.lowestHealthy, running);
}

function stuck(plan: RollingPlan, reason: string): RollingPlan {
  return { ...plan, canProgress: false, reason };
}

/** Only reached when lowerBound == upperBound == desiredCount > 0 (see the bounds check). */
function noRoomReason(input: RollingPlanInput, lowerBound: number, upperBound: number): string {
  const { desiredCount: desired, minimumHealthyPercent: min, maximumPercent: max } = input;
  // One task of room either way: the smallest maximumPercent with
  // floor(desired * max / 100) >= desired + 1 is 100 + ceil(100 / desired), and the largest
  // minimumHealthyPercent with ceil(desired * min / 100) <= desired - 1 is 100 - ceil(100 / desired).
  const step = Math.ceil(100 / desired);
  const raiseMaxTo = 100 + step;
  const lowerMinTo = 100 - step;
  const lowerMin = lowerMinTo === 0 ? "to 0" : `to at most ${lowerMinTo}`;
  return (
    `minimumHealthyPercent ${min} with maximumPercent ${max} leaves no room to start or stop a task ` +
    `(desiredCount ${desired} keeps at least ${lowerBound} healthy and allows at most ${upperBound} running): ` +
    `raise maximumPercent to at least ${raiseMaxTo} or lower minimumHealthyPercent ${lowerMin}`
  );
}

/** desired * percent / 100 rounded as asked, in integer arithmetic (no 0.1 + 0.2 surprises). */
function percentOf(desired: number, percent: number, rounding: "up" | "down"): number {
  const product = desired * percent;
  const remainder = product % 100;
  const floor = (product - remainder) / 100;
  return rounding === "up" && remainder > 0 ? floor + 1 : floor;
}

function validate(input: RollingPlanInput): string[] {
  const { desiredCount, minimumHealthyPercent, maximumPercent } = input;
  const problems: string[] = [];
  if (!isWholeNumber(desiredCount) || desiredCount < 0) {
    problems.push(`desiredCount must be a whole number, 0 or more (found ${show(desiredCount)})`);
  }
  if (!isWholeNumber(minimumHealthyPercent) || minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
    problems.push(`minimumHealthyPercent must be a whole number from 0 to 100 (found ${show(minimumHealthyPercent)})`);
  }
  if (!isWholeNumber(maximumPercent) || maximumPercent < 100) {
    problems.push(
      `maximumPercent must be a whole number, 100 or more for a REPLICA service (found ${show(maximumPercent)})`,
    );
  }
  if (
    isWholeNumber(minimumHealthyPercent) &&
    isWholeNumber(maximumPercent) &&
    minimumHealthyPercent > maximumPercent
  ) {
    problems.push(
      `minimumHealthyPercent ${minimumHealthyPercent} must not be above maximumPercent ${maximumPercent}`,
    );
  }
  if (problems.length === 0 && !Number.isSafeInteger(desiredCount * maximumPercent)) {
    problems.push(`desiredCount ${desiredCount} with maximumPercent ${maximumPercent} is too large to plan`);
  }
  return problems;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return `${value} (not a plain number)`;
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
