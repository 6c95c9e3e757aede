// The service-deployment API of ECS-native blue/green, linear and canary deployments: find the
// deployment an UpdateService started, watch it stage by stage, stop it with rollback, and continue
// or roll back one paused at a PAUSE hook.
// API Reference: ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment,
// ContinueServiceDeployment (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_<Name>.html).
// Developer Guide: "Stopping Amazon ECS service deployments" (stop-service-deployment.html: a
// PENDING or IN_PROGRESS deployment moves to ROLLBACK_REQUESTED), "Continuing service deployments"
// (continue-service-deployment.html: the pause hook must be AWAITING_ACTION and the deployment
// IN_PROGRESS; the hookId comes from DescribeServiceDeployments), "Pause hooks for Amazon ECS
// service deployments" (pause-lifecycle-hooks.html).
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  type ECSClient,
  ListServiceDeploymentsCommand,
  type ServiceDeploymentBrief,
  type ServiceDeploymentStatus,
  StopServiceDeploymentCommand,
} from "@aws-sdk/client-ecs";
import { isTransientError } from "./client.js";
import type { ServiceRef } from "./service.js";
import {
  assessServiceDeployment,
  formatServiceDeploymentLine,
  type HookSnapshot,
  reachedStage,
  type ServiceDeploymentSnapshot,
} from "./service-deployment-status.js";
import { type Clock, systemClock } from "../clock.js";

/** The service's deployments, newest first (all pages), optionally only those in `statuses`. */
export async function listServiceDeployments(
  ecs: ECSClient,
  ref: ServiceRef,
  statuses?: ServiceDeploymentStatus[],
): Promise<ServiceDeploymentBrief[]> {
  const found: ServiceDeploymentBrief[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(
      new ListServiceDeploymentsCommand({
        cluster: ref.cluster,
        service: ref.service,
        ...(statuses ? { status: statuses } : {}),
        ...(nextToken ? { nextToken } : {}),
        maxResults: 100,
      }),
    );
    found.push(...(page.serviceDeployments ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return found.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
}

export async function describeServiceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeploymentSnapshot> {
  const answer = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
  const found = answer.serviceDeployments?.find((deployment) => deployment.serviceDeploymentArn === arn);
  if (!found) {
    const reason = answer.failures?.[0]?.reason;
    throw new Error(`service deployment ${arn} was not found${reason ? ` (${reason})` : ""}`);
  }
  return assessServiceDeployment(found);
}

/** StopServiceDeployment with stopType ROLLBACK: ECS goes back to the previous service revision. */
export async function stopServiceDeploymentWithRollback(ecs: ECSClient, arn: string): Promise<void> {
  await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" }));
}

export interface PausedDeployment {
  snapshot: ServiceDeploymentSnapshot;
  hook: HookSnapshot;
}

/** The service's IN_PROGRESS deployment that waits at a PAUSE hook, if there is one. */
export async function findPausedDeployment(ecs: ECSClient, ref: ServiceRef): Promise<PausedDeployment | undefined> {
  const running = await listServiceDeployments(ecs, ref, ["IN_PROGRESS"]);
  // DescribeServiceDeployments takes at most 20 ARNs.
  for (let start = 0; start < running.length; start += 20) {
    const arns = running.slice(start, start + 20).flatMap((brief) => brief.serviceDeploymentArn ?? []);
    if (arns.length === 0) continue;
    const answer = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }));
    for (const deployment of answer.serviceDeployments ?? []) {
      const snapshot = assessServiceDeployment(deployment);
      if (snapshot.pausedHook) return { snapshot, hook: snapshot.pausedHook };
    }
  }
  return undefined;
}

/** ContinueServiceDeployment: CONTINUE to the next stage, or ROLLBACK to the previous revision. */
export async function resolvePausedDeployment(
  ecs: ECSClient,
  paused: PausedDeployment,
  action: "CONTINUE" | "ROLLBACK",
): Promise<void> {
  await ecs.send(
    new ContinueServiceDeploymentCommand({
      serviceDeploymentArn: paused.snapshot.serviceDeploymentArn,
      hookId: paused.hook.hookId,
      action,
    }),
  );
}

export interface ServiceDeploymentDiscovery {
  /** ARNs the service listed before the UpdateService: not ours. */
  knownArns: ReadonlySet<string>;
  /** How many times to list before giving up (ECS may list the new deployment a moment late). */
  attempts: number;
  pollIntervalMs?: number;
  clock?: Clock;
}

/** The newest deployment of the service that was not there before the update, if one shows up. */
export async function findStartedServiceDeployment(
  ecs: ECSClient,
  ref: ServiceRef,
  discovery: ServiceDeploymentDiscovery,
): Promise<ServiceDeploymentBrief | undefined> {
  const clock = discovery.clock ?? systemClock;
  for (let attempt = 1; attempt <= discovery.attempts; attempt++) {
    try {
      const started = (await listServiceDeployments(ecs, ref)).find(
        (brief) => brief.serviceDeploymentArn && !discovery.knownArns.has(brief.serviceDeploymentArn),
      );
      if (started) return started;
    } catch (error) {
      if (!isTransientError(error)) throw error;
    }
    if (attempt < discovery.attempts) await clock.sleep((discovery.pollIntervalMs ?? DEFAULT_POLL_MS) * attempt);
  }
  return undefined;
}

/** Stop waiting at `stable` (the deployment SUCCESSFUL) or once it reaches a lifecycle stage. */
export type WaitUntil = "stable" | string;

export interface ServiceDeploymentWatch {
  serviceDeploymentArn: string;
  waitUntil: WaitUntil;
  timeoutMs: number;
  /** The timeout the message names, when timeoutMs is what was left of it (a step's deadline). */
  timeoutMinutes?: number;
  /** One line per change of status, stage, traffic or hook status; one per retried error. */
  onProgress?: (line: string) => void;
  /** Aborted when the step is cancelled: the watch returns CANCELLED at once. */
  signal?: AbortSignal;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  clock?: Clock;
}

/** One stage the deployment was seen in; linear and canary deployments visit the shift stages once per shift. */
export interface StageVisit {
  stage: string;
  enteredAt: Date;
  /** Production traffic on the new revision when the stage was last seen. */
  productionPercent: number | undefined;
  /** The hooks seen in the stage, each with its statuses in the order seen. */
  hooks: HookHistory[];
}

export interface HookHistory {
  hookId: string;
  targetType: string;
  statuses: string[];
}

/** "PAUSE: AWAITING_ACTION → SUCCEEDED" */
export function formatHookHistory(hook: HookHistory): string {
  return `${hook.targetType}: ${hook.statuses.join(" → ")}`;
}

export interface ServiceDeploymentResult {
  /** STAGE_REACHED: the deployment got to `waitUntil` and is left to finish on its own. */
  state: "COMPLETED" | "STAGE_REACHED" | "FAILED" | "TIMED_OUT" | "CANCELLED";
  message: string;
  snapshot: ServiceDeploymentSnapshot | undefined;
  stages: StageVisit[];
  retriedErrors: number;
}

const DEFAULT_POLL_MS = 5_000;
const DEFAULT_MAX_POLL_MS = 30_000;

export async function watchServiceDeployment(
  ecs: ECSClient,
  watch: ServiceDeploymentWatch,
): Promise<ServiceDeploymentResult> {
  const clock = watch.clock ?? systemClock;
  const report = watch.onProgress ?? (() => {});
  const baseDelay = watch.pollIntervalMs ?? DEFAULT_POLL_MS;
  const maxDelay = watch.maxPollIntervalMs ?? DEFAULT_MAX_POLL_MS;
  const deadline = clock.now() + watch.timeoutMs;
  const arn = watch.serviceDeploymentArn;
  const result: ServiceDeploymentResult = {
    state: "TIMED_OUT",
    message: "",
    snapshot: undefined,
    stages: [],
    retriedErrors: 0,
  };
  let delay = baseDelay;
  let lastLine = "";

  for (;;) {
    if (watch.signal?.aborted) {
      result.state = "CANCELLED";
      result.message = `the step was cancelled while service deployment ${arn} was ${where(result.snapshot)}`;
      return result;
    }
    try {
      const snapshot = await describeServiceDeployment(ecs, arn);
      result.snapshot = snapshot;
      recordStage(result.stages, snapshot, clock.now());
      const line = formatServiceDeploymentLine(snapshot);
      delay = line === lastLine ? Math.min(maxDelay, Math.round(delay * 1.5)) : baseDelay;
      if (line !== lastLine) report(line);
      lastLine = line;
      if (snapshot.state === "FAILED") {
        result.state = "FAILED";
        result.message = `service deployment ${arn} ended ${snapshot.status}${snapshot.reason ? `: ${snapshot.reason}` : ""}`;
        return result;
      }
      if (snapshot.state === "COMPLETED") {
        result.state = "COMPLETED";
        result.message = `service deployment ${arn} completed (SUCCESSFUL)`;
        return result;
      }
      if (watch.waitUntil !== "stable" && reachedStage(snapshot, watch.waitUntil)) {
        result.state = "STAGE_REACHED";
        result.message = `service deployment ${arn} reached ${snapshot.lifecycleStage} (wait-until ${watch.waitUntil}); ECS carries on with it`;
        return result;
      }
    } catch (error) {
      if (!isTransientError(error)) throw error;
      result.retriedErrors++;
      delay = Math.min(maxDelay, Math.round(delay * 2));
      report(
        `DescribeServiceDeployments failed (${(error as Error).name}: ${(error as Error).message}); trying again in ${Math.round(delay / 1000)} s`,
      );
    }
    const left = deadline - clock.now();
    if (left <= 0) {
      const minutes = watch.timeoutMinutes ?? Math.round((watch.timeoutMs / 60_000) * 10) / 10;
      result.message = `gave up waiting for service deployment ${arn} after ${minutes} minute${minutes === 1 ? "" : "s"}: it is ${where(result.snapshot)}`;
      return result;
    }
    await sleepUnlessAborted(clock, Math.min(delay, left), watch.signal);
  }
}

/** The clock's sleep, cut short when the signal aborts (cancellation must not wait out a poll). */
function sleepUnlessAborted(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return clock.sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done);
    clock.sleep(ms).then(done, done);
  });
}

function where(snapshot: ServiceDeploymentSnapshot | undefined): string {
  if (!snapshot) return "not yet described (DescribeServiceDeployments never answered)";
  return `${snapshot.status} at ${snapshot.lifecycleStage ?? "no stage yet"}${snapshot.pausedHook ? ", paused at a PAUSE hook" : ""}`;
}

function recordStage(stages: StageVisit[], snapshot: ServiceDeploymentSnapshot, now: number): void {
  if (!snapshot.lifecycleStage) return;
  let visit = stages[stages.length - 1];
  if (visit?.stage !== snapshot.lifecycleStage) {
    visit = { stage: snapshot.lifecycleStage, enteredAt: new Date(now), productionPercent: undefined, hooks: [] };
    stages.push(visit);
  }
  visit.productionPercent = snapshot.productionPercent;
  for (const hook of snapshot.hooks) {
    const history = visit.hooks.find((known) => known.hookId === hook.hookId);
    if (!history) visit.hooks.push({ hookId: hook.hookId, targetType: hook.targetType, statuses: [hook.status] });
    else if (history.statuses[history.statuses.length - 1] !== hook.status) history.statuses.push(hook.status);
  }
}
