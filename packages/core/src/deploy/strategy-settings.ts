/**
 * The documented ranges of the ECS-native deployment strategies' settings, shared by the
 * traffic-shift planner, the CLI and the `deployment-strategy-settings` rule.
 *
 * - Strategies: API Reference, DeploymentConfiguration.strategy (ROLLING, BLUE_GREEN, LINEAR,
 *   CANARY): https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
 * - Bake time: "the time period when both blue and green service revisions are running
 *   simultaneously after the production traffic has shifted" (same page); 0 to 1440 minutes, as
 *   terraform-provider-aws validates deployment_configuration.bake_time_in_minutes
 *   (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service).
 * - Canary: canaryPercent multiples of 0.1 from 0.1 to 100.0 (default 5.0), canaryBakeTimeInMinutes
 *   0 to 1440 (default 10): https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html
 * - Linear: stepPercent multiples of 0.1 from 3.0 to 100.0 (default 10.0), stepBakeTimeInMinutes
 *   0 to 1440 (default 6), not applied after 100%: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html
 */

export const DEPLOYMENT_STRATEGIES = ["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"] as const;
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];
/** The strategies that run a green revision beside the blue one and shift traffic to it. */
export type TrafficShiftStrategy = Exclude<DeploymentStrategy, "ROLLING">;
export const TRAFFIC_SHIFT_STRATEGIES: readonly TrafficShiftStrategy[] = ["BLUE_GREEN", "LINEAR", "CANARY"];

export function isTrafficShiftStrategy(value: string | undefined): value is TrafficShiftStrategy {
  return (TRAFFIC_SHIFT_STRATEGIES as readonly string[]).includes(value ?? "");
}

/** A documented numeric range; `step` 0.1 for the percentages (multiples of 0.1), 1 for whole minutes. */
export interface SettingRange {
  min: number;
  max: number;
  step: 0.1 | 1;
  /** The API's default when the setting is left out; undefined when it has none. */
  default?: number;
}

export const BAKE_TIME_RANGE: SettingRange = { min: 0, max: 1440, step: 1 };
export const CANARY_PERCENT_RANGE: SettingRange = { min: 0.1, max: 100, step: 0.1, default: 5 };
export const CANARY_BAKE_TIME_RANGE: SettingRange = { min: 0, max: 1440, step: 1, default: 10 };
export const LINEAR_STEP_PERCENT_RANGE: SettingRange = { min: 3, max: 100, step: 0.1, default: 10 };
export const LINEAR_STEP_BAKE_TIME_RANGE: SettingRange = { min: 0, max: 1440, step: 1, default: 6 };

/** Whether a value is in the range and a whole multiple of its step (0.1 up to float noise). */
export function inRange(value: number, range: SettingRange): boolean {
  if (!Number.isFinite(value) || value < range.min || value > range.max) return false;
  if (range.step === 1) return Number.isInteger(value);
  const tenths = value * 10;
  return Math.abs(tenths - Math.round(tenths)) < 1e-9;
}

/** "a whole number from 0 to 1440" / "a multiple of 0.1 from 3.0 to 100.0", for messages. */
export function describeRange(range: SettingRange): string {
  if (range.step === 1) return `a whole number from ${range.min} to ${range.max}`;
  return `a multiple of 0.1 from ${range.min.toFixed(1)} to ${range.max.toFixed(1)}`;
}
