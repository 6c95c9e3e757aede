// How one deployment of a service is doing, read from a DescribeServices answer. Pure, so the watch
// loop's decisions are tested on recorded answers.
import type { Deployment, Service, ServiceEvent } from "@aws-sdk/client-ecs";

export type RolloutState = "IN_PROGRESS" | "COMPLETED" | "FAILED";

/** The deployment being watched: the one the deploy's UpdateService made PRIMARY. */
export interface WatchedDeployment {
  deploymentId: string;
  taskDefinitionArn: string;
}

export interface RolloutSnapshot {
  state: RolloutState;
  /** ECS's rolloutStateReason, or why the deployment counts as failed. */
  reason: string;
  /** Our deployment, while the service still lists it. */
  deployment: Deployment | undefined;
  /** False once another deployment is PRIMARY: ECS rolled back, or another deploy replaced ours. */
  primaryIsOurs: boolean;
  /** The PRIMARY deployment when it is not ours. */
  replacedBy: Deployment | undefined;
  desired: number;
  running: number;
  pending: number;
  failed: number;
}

export function assessRollout(service: Service, watched: WatchedDeployment): RolloutSnapshot {
  const deployments = service.deployments ?? [];
  const ours = deployments.find((deployment) => deployment.id === watched.deploymentId);
  const primary = deployments.find((deployment) => deployment.status === "PRIMARY");
  const counts = {
    desired: ours?.desiredCount ?? 0,
    running: ours?.runningCount ?? 0,
    pending: ours?.pendingCount ?? 0,
    failed: ours?.failedTasks ?? 0,
  };
  const base = { deployment: ours, ...counts };

  if (primary && primary.id !== watched.deploymentId) {
    const target = primary.taskDefinition ?? "another task definition";
    const why = ours?.rolloutStateReason ? `${ours.rolloutStateReason} ` : "";
    const rolledBack = ours?.rolloutState === "FAILED" || primary.taskDefinition !== watched.taskDefinitionArn;
    const reason = rolledBack
      ? `${why}deployment ${watched.deploymentId} is no longer PRIMARY: ${primary.id} (${target}) replaced it, so the service did not get ${watched.taskDefinitionArn}`
      : `deployment ${watched.deploymentId} was replaced by deployment ${primary.id} of the same task definition (another deploy started?)`;
    return { ...base, state: "FAILED", reason, primaryIsOurs: false, replacedBy: primary };
  }
  if (!ours) {
    const reason = `deployment ${watched.deploymentId} is no longer listed by the service and no deployment is PRIMARY`;
    return { ...base, state: "FAILED", reason, primaryIsOurs: false, replacedBy: undefined };
  }
  const reason = ours.rolloutStateReason ?? "";
  const snapshot = { ...base, primaryIsOurs: true, replacedBy: undefined, reason };
  if (ours.rolloutState === "COMPLETED" || ours.rolloutState === "FAILED")
    return { ...snapshot, state: ours.rolloutState };
  // Services behind a Classic Load Balancer get no rolloutState: steady when ours is the only
  // deployment left and runs every task it wants.
  const steady =
    ours.rolloutState === undefined &&
    deployments.length === 1 &&
    counts.running >= counts.desired &&
    counts.pending === 0;
  return {
    ...snapshot,
    state: steady ? "COMPLETED" : "IN_PROGRESS",
    reason: steady ? "the service reached a steady state" : reason,
  };
}

/** One progress line: `ecs-svc/123 IN_PROGRESS: 2/4 running, 1 pending, 0 failed`. */
export function formatRolloutLine(snapshot: RolloutSnapshot, deploymentId: string): string {
  const counts = `${snapshot.running}/${snapshot.desired} running, ${snapshot.pending} pending, ${snapshot.failed} failed`;
  return `${deploymentId} ${snapshot.state}: ${counts}`;
}

/** The service's events not in `seen`, oldest first (ECS lists the newest first); adds them to `seen`. */
export function takeNewEvents(service: Service, seen: Set<string>): ServiceEvent[] {
  const fresh = (service.events ?? []).filter((event) => event.id !== undefined && !seen.has(event.id));
  for (const event of fresh) seen.add(event.id!);
  return fresh.reverse();
}
