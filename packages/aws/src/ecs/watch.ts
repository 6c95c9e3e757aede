// Watching a rolling deployment to its end: polls DescribeServices with backoff, reports progress
// lines, new service events and why tasks stopped, and gives up at the timeout.
import type { ECSClient, ServiceEvent } from "@aws-sdk/client-ecs";
import { isTransientError } from "./client.js";
import {
  assessRollout,
  formatRolloutLine,
  type RolloutSnapshot,
  takeNewEvents,
  type WatchedDeployment,
} from "./rollout-status.js";
import { describeService, type ServiceRef } from "./service.js";
import { findStoppedTasks, formatStoppedTask, type StoppedTask } from "./stopped-tasks.js";
import { type Clock, systemClock } from "../clock.js";

export interface RolloutWatch extends ServiceRef, WatchedDeployment {
  timeoutMs: number;
  /** The timeout the message names, when timeoutMs is what was left of it (a step's deadline). */
  timeoutMinutes?: number;
  /** One line per change of state or counts, per new service event, per stopped task. */
  onProgress?: (line: string) => void;
  /** Event ids seen before the deploy (from the UpdateService answer), not reported again. */
  seenEventIds?: Iterable<string>;
  /** First wait between polls; it grows by half while nothing changes, up to maxPollIntervalMs. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Stops the watch at once (the step is cancelled): the call in flight is aborted and its error thrown. */
  signal?: AbortSignal;
  /** For tests: time and waiting. */
  clock?: Clock;
}

export interface RolloutResult {
  state: "COMPLETED" | "FAILED" | "TIMED_OUT";
  /** For people: what happened, and on timeout what is still going on. */
  message: string;
  /** The last answer read; undefined when none was read before the timeout. */
  snapshot: RolloutSnapshot | undefined;
  events: ServiceEvent[];
  stoppedTasks: StoppedTask[];
  /** Throttling and network errors that were waited out. */
  retriedErrors: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 5_000;
export const DEFAULT_MAX_POLL_INTERVAL_MS = 30_000;

export type { Clock };

export async function watchRollout(ecs: ECSClient, watch: RolloutWatch): Promise<RolloutResult> {
  const clock = watch.clock ?? systemClock;
  const report = watch.onProgress ?? (() => {});
  const baseDelay = watch.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const maxDelay = watch.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS;
  const deadline = clock.now() + watch.timeoutMs;
  const seenEvents = new Set(watch.seenEventIds ?? []);
  const result: RolloutResult = {
    state: "TIMED_OUT",
    message: "",
    snapshot: undefined,
    events: [],
    stoppedTasks: [],
    retriedErrors: 0,
  };
  let delay = baseDelay;
  let lastLine = "";
  let failedSeen = 0;

  for (;;) {
    watch.signal?.throwIfAborted();
    try {
      // No call outlives the deadline: a DescribeServices that never answers ends the watch on time.
      const untilDeadline = AbortSignal.timeout(Math.max(1, deadline - clock.now()));
      const abortSignal = watch.signal ? AbortSignal.any([watch.signal, untilDeadline]) : untilDeadline;
      const service = await describeService(ecs, watch, { abortSignal });
      const snapshot = assessRollout(service, watch);
      result.snapshot = snapshot;
      for (const event of takeNewEvents(service, seenEvents)) {
        result.events.push(event);
        report(`event: ${event.message ?? ""}`);
      }
      const line = formatRolloutLine(snapshot, watch.deploymentId);
      delay = line === lastLine ? Math.min(maxDelay, Math.round(delay * 1.5)) : baseDelay;
      if (line !== lastLine) report(line);
      lastLine = line;
      if (snapshot.failed > failedSeen || (snapshot.state === "FAILED" && result.stoppedTasks.length === 0)) {
        failedSeen = snapshot.failed;
        await collectStoppedTasks(ecs, watch, result, report);
      }
      if (snapshot.state !== "IN_PROGRESS") {
        result.state = snapshot.state;
        result.message =
          snapshot.state === "COMPLETED"
            ? `deployment ${watch.deploymentId} completed: ${snapshot.running}/${snapshot.desired} tasks running`
            : `deployment ${watch.deploymentId} failed: ${snapshot.reason || "ECS marked it FAILED"}`;
        return result;
      }
    } catch (error) {
      watch.signal?.throwIfAborted();
      const cutByDeadline = clock.now() >= deadline && (error as Error).name === "AbortError";
      if (!cutByDeadline) {
        if (!isTransientError(error)) throw error;
        result.retriedErrors++;
        delay = Math.min(maxDelay, Math.round(delay * 2));
        report(`DescribeServices failed (${describeError(error)}); trying again in ${Math.round(delay / 1000)} s`);
      }
    }
    const left = deadline - clock.now();
    if (left <= 0) {
      result.message = timeoutMessage(watch, result.snapshot);
      return result;
    }
    await clock.sleep(Math.min(delay, left), watch.signal);
  }
}

async function collectStoppedTasks(
  ecs: ECSClient,
  watch: RolloutWatch,
  result: RolloutResult,
  report: (line: string) => void,
): Promise<void> {
  let stopped: StoppedTask[];
  try {
    stopped = await findStoppedTasks(ecs, watch);
  } catch (error) {
    if (!isTransientError(error)) throw error;
    result.retriedErrors++;
    report(`could not read the stopped tasks yet (${describeError(error)})`);
    return;
  }
  const known = new Set(result.stoppedTasks.map((task) => task.taskArn));
  for (const task of stopped.filter((candidate) => !known.has(candidate.taskArn)).reverse()) {
    result.stoppedTasks.push(task);
    report(formatStoppedTask(task));
  }
}

function timeoutMessage(watch: RolloutWatch, snapshot: RolloutSnapshot | undefined): string {
  const minutes = watch.timeoutMinutes ?? Math.round((watch.timeoutMs / 60_000) * 10) / 10;
  const duration = `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const where = snapshot
    ? `it is still IN_PROGRESS with ${snapshot.running}/${snapshot.desired} tasks running, ${snapshot.pending} pending, ${snapshot.failed} failed`
    : "DescribeServices never answered";
  return `gave up waiting for deployment ${watch.deploymentId} after ${duration}: ${where}. ECS goes on with the deployment; look at the service's events, or raise timeout-minutes`;
}

function describeError(error: unknown): string {
  const { name, message } = error as Error & { code?: string };
  const code = (error as { code?: string }).code;
  return `${code ?? name}: ${message}`;
}
