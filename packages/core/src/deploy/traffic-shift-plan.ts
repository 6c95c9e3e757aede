import {
  BAKE_TIME_RANGE,
  CANARY_BAKE_TIME_RANGE,
  CANARY_PERCENT_RANGE,
  describeRange,
  inRange,
  LINEAR_STEP_BAKE_TIME_RANGE,
  LINEAR_STEP_PERCENT_RANGE,
  type SettingRange,
  type TrafficShiftStrategy,
} from "./strategy-settings.js";

/**
 * The production traffic-shift schedule of an ECS-native blue/green, linear or canary deployment
 * (deployment controller ECS, deploymentConfiguration.strategy BLUE_GREEN / LINEAR / CANARY).
 *
 * From the ECS Developer Guide:
 * - "Amazon ECS blue/green deployments" (deployment-type-blue-green.html): the green service
 *   revision is started beside the blue one, production traffic moves to green at once, and both
 *   run for the bake time before blue is stopped.
 * - "Amazon ECS linear deployments" (deployment-type-linear.html) and API LinearConfiguration: traffic
 *   shifts in equal stepPercent increments, waiting stepBakeTimeInMinutes between steps and not
 *   after reaching 100%; so ceil(100 / stepPercent) shifts, and one interval fewer (the count
 *   CloudFormation's AWS::ECS::Service LinearConfiguration page gives as the number of steps:
 *   100 / StepPercent - 1 when it divides evenly, floor(100 / StepPercent) otherwise).
 * - "Amazon ECS canary deployments" (canary-deployment.html) and API CanaryConfiguration:
 *   canaryPercent first, then after canaryBakeTimeInMinutes the remaining traffic at once.
 * - API DeploymentConfiguration.bakeTimeInMinutes: both revisions keep running for this long after
 *   production traffic has fully shifted; then the blue revision is stopped.
 * Pages: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html,
 * .../developerguide/deployment-type-linear.html, .../developerguide/canary-deployment.html,
 * .../developerguide/deployment-lifecycle-hooks.html (the stages around the shifts).
 *
 * Minute 0 is the first production traffic shift. Scaling up green, test traffic, lifecycle hooks
 * and health checks come before it and take as long as they take: the plan holds only the waits
 * the settings fix. Blue and green both run the full desired count from scale-up to the end of the
 * bake, so the peak is twice the desired count.
 */

export interface TrafficShiftPlanInput {
  strategy: TrafficShiftStrategy;
  desiredCount: number;
  /** deploymentConfiguration.bakeTimeInMinutes */
  bakeTimeInMinutes: number;
  /** canaryConfiguration.canaryPercent (CANARY only; default 5.0) */
  canaryPercent?: number;
  /** canaryConfiguration.canaryBakeTimeInMinutes (CANARY only; default 10) */
  canaryBakeTimeInMinutes?: number;
  /** linearConfiguration.stepPercent (LINEAR only; default 10.0) */
  stepPercent?: number;
  /** linearConfiguration.stepBakeTimeInMinutes (LINEAR only; default 6) */
  stepBakeTimeInMinutes?: number;
}

/** From `minute` on, `percent` of production traffic goes to the green revision. */
export interface TrafficShift {
  minute: number;
  percent: number;
}

export interface TrafficShiftPlan {
  strategy: TrafficShiftStrategy;
  desiredCount: number;
  /** Each production traffic shift, in order; percent rises strictly and ends at 100. */
  schedule: TrafficShift[];
  /** Tasks running at the peak: blue and green at full desired count. */
  peakTasks: number;
  /** Both revisions run from the last shift to the end of the bake; then blue stops. */
  bakeWindow: { startMinute: number; endMinute: number };
  /** Minutes from the first shift to the end of the bake. */
  totalMinutes: number;
  /** The settings the plan used, defaults filled in (the ones of the other strategies absent). */
  settings: Required<Pick<TrafficShiftPlanInput, "bakeTimeInMinutes">> &
    Pick<TrafficShiftPlanInput, "canaryPercent" | "canaryBakeTimeInMinutes" | "stepPercent" | "stepBakeTimeInMinutes">;
}

/** A setting out of its documented range: which one, and the range in words. */
export interface SettingProblem {
  setting: "desiredCount" | "bakeTimeInMinutes" | "canaryPercent" | "canaryBakeTimeInMinutes" | "stepPercent" | "stepBakeTimeInMinutes";
  message: string;
}

export type TrafficShiftPlanResult = { ok: true; plan: TrafficShiftPlan } | { ok: false; problems: SettingProblem[] };

/**
 * Plans a blue/green, linear or canary deployment. Never throws: settings outside ECS's documented
 * ranges (or given for another strategy) come back as problems naming the setting and the range.
 */
export function planTrafficShift(input: TrafficShiftPlanInput): TrafficShiftPlanResult {
  const problems = validate(input);
  if (problems.length > 0) return { ok: false, problems };

  const { strategy, desiredCount, bakeTimeInMinutes } = input;
  let schedule: TrafficShift[];
  const settings: TrafficShiftPlan["settings"] = { bakeTimeInMinutes };
  if (strategy === "CANARY") {
    const percent = input.canaryPercent ?? CANARY_PERCENT_RANGE.default!;
    const interval = input.canaryBakeTimeInMinutes ?? CANARY_BAKE_TIME_RANGE.default!;
    Object.assign(settings, { canaryPercent: percent, canaryBakeTimeInMinutes: interval });
    // A 100% canary moves everything in its first shift: nothing is left to shift after the wait.
    schedule = toTenths(percent) >= 1000 ? [{ minute: 0, percent: 100 }] : [{ minute: 0, percent }, { minute: interval, percent: 100 }];
  } else if (strategy === "LINEAR") {
    const percent = input.stepPercent ?? LINEAR_STEP_PERCENT_RANGE.default!;
    const interval = input.stepBakeTimeInMinutes ?? LINEAR_STEP_BAKE_TIME_RANGE.default!;
    Object.assign(settings, { stepPercent: percent, stepBakeTimeInMinutes: interval });
    schedule = linearSchedule(toTenths(percent), interval);
  } else {
    schedule = [{ minute: 0, percent: 100 }];
  }
  const shiftedAt = schedule[schedule.length - 1]!.minute;
  return {
    ok: true,
    plan: {
      strategy,
      desiredCount,
      schedule,
      peakTasks: 2 * desiredCount,
      bakeWindow: { startMinute: shiftedAt, endMinute: shiftedAt + bakeTimeInMinutes },
      totalMinutes: shiftedAt + bakeTimeInMinutes,
      settings,
    },
  };
}

/** Shifts of `stepTenths` tenths of a percent, `interval` minutes apart, the last one capped at 100%. */
function linearSchedule(stepTenths: number, interval: number): TrafficShift[] {
  const shifts = Math.ceil(1000 / stepTenths);
  const schedule: TrafficShift[] = [];
  for (let index = 0; index < shifts; index++) {
    // In tenths, so 3 x 33.3 is 99.9 and not 99.89999999999999.
    schedule.push({ minute: index * interval, percent: Math.min((index + 1) * stepTenths, 1000) / 10 });
  }
  return schedule;
}

function toTenths(percent: number): number {
  return Math.round(percent * 10);
}

function validate(input: TrafficShiftPlanInput): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const check = (setting: SettingProblem["setting"], value: number | undefined, range: SettingRange) => {
    if (value !== undefined && !inRange(value, range))
      problems.push({ setting, message: `${setting} must be ${describeRange(range)} (found ${value})` });
  };
  const { strategy, desiredCount } = input;
  if (!Number.isSafeInteger(desiredCount) || desiredCount < 0)
    problems.push({ setting: "desiredCount", message: `desiredCount must be a whole number, 0 or more (found ${desiredCount})` });
  check("bakeTimeInMinutes", input.bakeTimeInMinutes, BAKE_TIME_RANGE);
  check("canaryPercent", input.canaryPercent, CANARY_PERCENT_RANGE);
  check("canaryBakeTimeInMinutes", input.canaryBakeTimeInMinutes, CANARY_BAKE_TIME_RANGE);
  check("stepPercent", input.stepPercent, LINEAR_STEP_PERCENT_RANGE);
  check("stepBakeTimeInMinutes", input.stepBakeTimeInMinutes, LINEAR_STEP_BAKE_TIME_RANGE);
  const foreign: [SettingProblem["setting"], unknown, TrafficShiftStrategy][] = [
    ["canaryPercent", input.canaryPercent, "CANARY"],
    ["canaryBakeTimeInMinutes", input.canaryBakeTimeInMinutes, "CANARY"],
    ["stepPercent", input.stepPercent, "LINEAR"],
    ["stepBakeTimeInMinutes", input.stepBakeTimeInMinutes, "LINEAR"],
  ];
  for (const [setting, value, owner] of foreign) {
    if (value !== undefined && strategy !== owner)
      problems.push({ setting, message: `${setting} applies only to the ${owner} strategy, not ${strategy}` });
  }
  return problems;
}
