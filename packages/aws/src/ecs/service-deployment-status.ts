// How one ECS-native (blue/green, linear, canary) service deployment is doing, read from a
// DescribeServiceDeployments answer. Pure, so the watch's decisions are tested on scripted answers.
// Shapes: API Reference ServiceDeployment, ServiceRevisionSummary and DeploymentLifecycleHookDetail
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html,
// .../API_ServiceRevisionSummary.html, .../API_DeploymentLifecycleHookDetail.html); the states from
// "View service history using Amazon ECS service deployments"
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html).
import type { DeploymentLifecycleHookDetail, ServiceDeployment } from "@aws-sdk/client-ecs";
import { lifecycleStageIndex } from "@shipshape/core";

export type ServiceDeploymentState = "IN_PROGRESS" | "COMPLETED" | "FAILED";

export interface HookSnapshot {
  hookId: string;
  /** AWS_LAMBDA or PAUSE */
  targetType: string;
  /** AWAITING_ACTION, IN_PROGRESS, SUCCEEDED, FAILED or TIMED_OUT */
  status: string;
  expiresAt?: Date;
  timeoutAction?: string;
}

export interface ServiceDeploymentSnapshot {
  serviceDeploymentArn: string;
  /** ECS's status: PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, STOP_REQUESTED, ROLLBACK_* */
  status: string;
  state: ServiceDeploymentState;
  lifecycleStage: string | undefined;
  /** The strategy the deployment runs with (BLUE_GREEN, LINEAR, CANARY, ROLLING). */
  strategy: string | undefined;
  /** Percent of production traffic the new (target) revision gets, as ECS last set it. */
  productionPercent: number | undefined;
  testPercent: number | undefined;
  hooks: HookSnapshot[];
  /** A PAUSE hook waiting for ContinueServiceDeployment, if the deployment is paused. */
  pausedHook: HookSnapshot | undefined;
  /** For people: statusReason, the rollback's reason, alarms in ALARM, failed hooks. */
  reason: string;
}

const FINISHED_WELL = new Set(["SUCCESSFUL"]);
const STILL_GOING = new Set(["PENDING", "IN_PROGRESS"]);

export function assessServiceDeployment(deployment: ServiceDeployment): ServiceDeploymentSnapshot {
  const status = deployment.status ?? "PENDING";
  const hooks = (deployment.lifecycleHookDetails ?? []).map(hookOf);
  const target = deployment.targetServiceRevision;
  const state: ServiceDeploymentState = FINISHED_WELL.has(status)
    ? "COMPLETED"
    : STILL_GOING.has(status)
      ? "IN_PROGRESS"
      : "FAILED";
  return {
    serviceDeploymentArn: deployment.serviceDeploymentArn ?? "",
    status,
    state,
    lifecycleStage: deployment.lifecycleStage,
    strategy: deployment.deploymentConfiguration?.strategy,
    productionPercent: target?.requestedProductionTrafficWeight,
    testPercent: target?.requestedTestTrafficWeight,
    hooks,
    pausedHook:
      state === "IN_PROGRESS"
        ? hooks.find((hook) => hook.targetType === "PAUSE" && hook.status === "AWAITING_ACTION")
        : undefined,
    reason: reasonOf(deployment, hooks),
  };
}

function hookOf(detail: DeploymentLifecycleHookDetail): HookSnapshot {
  return {
    hookId: detail.hookId ?? "",
    targetType: detail.targetType ?? "AWS_LAMBDA",
    status: detail.status ?? "IN_PROGRESS",
    ...(detail.expiresAt ? { expiresAt: detail.expiresAt } : {}),
    ...(detail.timeoutAction ? { timeoutAction: detail.timeoutAction } : {}),
  };
}

function reasonOf(deployment: ServiceDeployment, hooks: HookSnapshot[]): string {
  const parts: string[] = [];
  if (deployment.statusReason) parts.push(deployment.statusReason);
  const rollbackReason = deployment.rollback?.reason;
  if (rollbackReason && rollbackReason !== deployment.statusReason) parts.push(`rollback: ${rollbackReason}`);
  const alarms = deployment.alarms?.triggeredAlarmNames ?? [];
  if (alarms.length > 0) parts.push(`alarms in ALARM: ${alarms.join(", ")}`);
  const breaker = deployment.deploymentCircuitBreaker;
  if (breaker?.status === "TRIGGERED")
    parts.push(`circuit breaker tripped (${breaker.failureCount ?? "?"} of ${breaker.threshold ?? "?"} tasks failed)`);
  for (const hook of hooks.filter((candidate) => candidate.status === "FAILED" || candidate.status === "TIMED_OUT"))
    parts.push(`${hook.targetType} hook ${hook.status}`);
  return parts.join("; ");
}

/**
 * Whether the deployment has got as far as `stage` (or finished well): its current stage is that
 * one or a later one, so a stage passed between two polls counts as reached.
 */
export function reachedStage(snapshot: ServiceDeploymentSnapshot, stage: string): boolean {
  if (snapshot.state === "COMPLETED") return true;
  if (snapshot.state !== "IN_PROGRESS") return false;
  const current = lifecycleStageIndex(snapshot.lifecycleStage);
  return current >= 0 && current >= lifecycleStageIndex(stage);
}

/** `IN_PROGRESS at PRODUCTION_TRAFFIC_SHIFT: 10% of production traffic on the new revision; PAUSE hook AWAITING_ACTION` */
export function formatServiceDeploymentLine(snapshot: ServiceDeploymentSnapshot): string {
  let line = `${snapshot.status} at ${snapshot.lifecycleStage ?? "(no stage yet)"}`;
  if (snapshot.productionPercent !== undefined)
    line += `: ${snapshot.productionPercent}% of production traffic on the new revision`;
  if (snapshot.testPercent !== undefined && snapshot.testPercent > 0 && snapshot.productionPercent !== 100)
    line += `, ${snapshot.testPercent}% of test traffic`;
  for (const hook of snapshot.hooks) line += `; ${hook.targetType} hook ${hook.status}`;
  if (snapshot.pausedHook) line += ` (${pauseNote(snapshot.pausedHook)})`;
  return line;
}

function pauseNote(hook: HookSnapshot): string {
  const expiry = hook.expiresAt
    ? `; at ${hook.expiresAt.toISOString()} ECS will ${hook.timeoutAction === "CONTINUE" ? "continue" : "roll back"}`
    : "";
  return `waiting for ContinueServiceDeployment: the ecs-deployment-control action continues or rolls it back${expiry}`;
}
