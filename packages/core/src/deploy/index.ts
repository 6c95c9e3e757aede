export {
  CIRCUIT_BREAKER_MAX_THRESHOLD,
  CIRCUIT_BREAKER_MIN_THRESHOLD,
  circuitBreakerFailureThreshold,
} from "./circuit-breaker.js";
export {
  DEFAULT_MAXIMUM_PERCENT,
  DEFAULT_MINIMUM_HEALTHY_PERCENT,
  planRollingDeployment,
} from "./rolling-plan.js";
export type { RollingPhase, RollingPlan, RollingPlanInput } from "./rolling-plan.js";
export {
  BAKE_TIME_RANGE,
  CANARY_BAKE_TIME_RANGE,
  CANARY_PERCENT_RANGE,
  DEPLOYMENT_STRATEGIES,
  describeRange,
  inRange,
  isTrafficShiftStrategy,
  LINEAR_STEP_BAKE_TIME_RANGE,
  LINEAR_STEP_PERCENT_RANGE,
  TRAFFIC_SHIFT_STRATEGIES,
} from "./strategy-settings.js";
export type { DeploymentStrategy, SettingRange, TrafficShiftStrategy } from "./strategy-settings.js";
export { planTrafficShift } from "./traffic-shift-plan.js";
export type {
  SettingProblem,
  TrafficShift,
  TrafficShiftPlan,
  TrafficShiftPlanInput,
  TrafficShiftPlanResult,
} from "./traffic-shift-plan.js";
export { isLifecycleStage, LIFECYCLE_STAGES, lifecycleStageIndex } from "./lifecycle-stages.js";
export type { LifecycleStage } from "./lifecycle-stages.js";
export {
  type ContainerEdits,
  parseTaskDefinitionText,
  renderTaskDefinitionTree,
  type TaskDefinitionEdits,
  taskDefinitionNode,
} from "./render-task-definition.js";
