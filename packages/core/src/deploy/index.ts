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
  type ContainerEdits,
  renderTaskDefinitionTree,
  type TaskDefinitionEdits,
  taskDefinitionNode,
} from "./render-task-definition.js";
