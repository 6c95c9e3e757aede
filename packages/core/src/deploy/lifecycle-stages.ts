/**
 * The lifecycle stages of an ECS-native blue/green, linear or canary service deployment, in the
 * order a deployment goes through them (ServiceDeployment.lifecycleStage in the API Reference:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html, and
 * "Lifecycle hooks for Amazon ECS service deployments":
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html).
 * RECONCILE_SERVICE happens only when more than one service revision is ACTIVE; linear and canary
 * deployments go through PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT once per shift.
 */
export const LIFECYCLE_STAGES = [
  "RECONCILE_SERVICE",
  "PRE_SCALE_UP",
  "SCALE_UP",
  "POST_SCALE_UP",
  "TEST_TRAFFIC_SHIFT",
  "POST_TEST_TRAFFIC_SHIFT",
  "PRE_PRODUCTION_TRAFFIC_SHIFT",
  "PRODUCTION_TRAFFIC_SHIFT",
  "POST_PRODUCTION_TRAFFIC_SHIFT",
  "BAKE_TIME",
  "CLEAN_UP",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export function isLifecycleStage(value: string | undefined): value is LifecycleStage {
  return (LIFECYCLE_STAGES as readonly string[]).includes(value ?? "");
}

/** Where `stage` comes in the order above; -1 for a stage this list does not know. */
export function lifecycleStageIndex(stage: string | undefined): number {
  return (LIFECYCLE_STAGES as readonly string[]).indexOf(stage ?? "");
}
