// The ECS-native blue/green, linear and canary path of the deploy: choose the strategy (the input,
// else the service's), plan the traffic shift before anything changes, put the strategy settings
// into the UpdateService, then follow the service deployment ECS starts, stage by stage, to the end
// or to `wait-until`; on failure, timeout or cancellation, stop it with rollback when asked.
import * as core from "@actions/core";
import type { DeploymentConfiguration, ECSClient, Service, UpdateServiceCommandInput } from "@aws-sdk/client-ecs";
import {
  type Clock,
  type DeploymentSettings,
  effectiveDeploymentSettings,
  findStartedServiceDeployment,
  listServiceDeployments,
  type ServiceDeploymentResult,
  stopServiceDeploymentWithRollback,
  watchServiceDeployment,
} from "@shipshape/aws";
import {
  isTrafficShiftStrategy,
  planTrafficShift,
  type TrafficShiftPlan,
  type TrafficShiftStrategy,
} from "@shipshape/core";
import { renderTrafficShiftTable } from "@shipshape/report";
import type { Inputs } from "./context.js";
import type { DeployReport } from "./deploy.js";

export interface NativeDeployReport {
  strategy: TrafficShiftStrategy;
  waitUntil: string;
  plan: TrafficShiftPlan;
  serviceDeploymentArn?: string;
  /** The lifecycle stage the deployment was in when the step stopped watching. */
  lifecycleStage?: string;
  /** ECS's status of the service deployment when last read. */
  status?: string;
  result?: ServiceDeploymentResult;
  /** True when this step called StopServiceDeployment with ROLLBACK. */
  stoppedWithRollback?: boolean;
}

/** The strategy and the deploymentConfiguration fields the update sets for it. */
export interface NativeDeploy {
  strategy: TrafficShiftStrategy;
  configuration: DeploymentConfiguration;
}

/** Lists before giving up (5, 10, 15... s apart): ECS may list a new service deployment a moment after UpdateService answers. */
const DISCOVERY_ATTEMPTS = 6;

/**
 * The native strategy the deploy runs with, its settings checked and its plan printed; undefined
 * when the deploy is a rolling one (the rolling path applies). Throws before any change when the
 * settings do not fit the strategy.
 */
export function planNativeDeploy(
  inputs: Inputs,
  service: Service,
  settings: DeploymentSettings,
  report: DeployReport,
): NativeDeploy | undefined {
  const chosen = inputs.deploymentStrategy;
  const current = service.deploymentConfiguration;
  const strategy = chosen.strategy ?? current?.strategy ?? "ROLLING";
  if (!isTrafficShiftStrategy(strategy)) {
    const given = [
      ["bake-time", chosen.bakeTimeInMinutes],
      ["canary-percent", chosen.canaryPercent],
      ["canary-interval", chosen.canaryBakeTimeInMinutes],
      ["linear-percent", chosen.stepPercent],
      ["linear-interval", chosen.stepBakeTimeInMinutes],
    ].flatMap(([name, value]) => (value === undefined ? [] : [name]));
    if (chosen.waitUntil !== "stable") given.push(`wait-until ${chosen.waitUntil}`);
    if (given.length > 0)
      throw new Error(
        `service "${inputs.service}" deploys with the rolling strategy, so ${given.join(", ")} do not apply: set strategy to blue_green, linear or canary`,
      );
    return undefined;
  }
  const mismatch = (name: string, value: number | undefined, owner: TrafficShiftStrategy) =>
    value !== undefined && strategy !== owner ? [`${name} applies only to ${owner.toLowerCase()}`] : [];
  const problems = [
    ...mismatch("canary-percent", chosen.canaryPercent, "CANARY"),
    ...mismatch("canary-interval", chosen.canaryBakeTimeInMinutes, "CANARY"),
    ...mismatch("linear-percent", chosen.stepPercent, "LINEAR"),
    ...mismatch("linear-interval", chosen.stepBakeTimeInMinutes, "LINEAR"),
  ];
  const configuration = strategyConfiguration(strategy, chosen, current);
  // API DeploymentConfiguration.bakeTimeInMinutes: "You must provide this parameter when you use the BLUE_GREEN deployment strategy."
  if (strategy === "BLUE_GREEN" && configuration.bakeTimeInMinutes === undefined)
    problems.push("bake-time is required for blue_green, and the service has none");
  if (problems.length > 0)
    throw new Error(
      `the ${strategy} deployment of service "${inputs.service}" cannot start: ${problems.join("; ")}; nothing was registered or updated`,
    );

  report.settings = effectiveDeploymentSettings(service, settings);
  const planned = planTrafficShift({
    strategy,
    desiredCount: report.settings.desiredCount,
    bakeTimeInMinutes: configuration.bakeTimeInMinutes ?? 0,
    ...(strategy === "CANARY" ? { ...configuration.canaryConfiguration } : {}),
    ...(strategy === "LINEAR" ? { ...configuration.linearConfiguration } : {}),
  });
  if (!planned.ok)
    throw new Error(
      `the ${strategy} settings are out of range: ${planned.problems.map((problem) => problem.message).join("; ")}`,
    );
  report.native = { strategy, waitUntil: chosen.waitUntil, plan: planned.plan };
  core.startGroup(`${strategy} plan: ${report.settings.desiredCount} tasks, wait until ${chosen.waitUntil}`);
  core.info(renderTrafficShiftTable(planned.plan).trimEnd());
  core.endGroup();
  return { strategy, configuration };
}

function strategyConfiguration(
  strategy: TrafficShiftStrategy,
  chosen: Inputs["deploymentStrategy"],
  current: DeploymentConfiguration | undefined,
): DeploymentConfiguration {
  const configuration: DeploymentConfiguration = { strategy };
  const bake = chosen.bakeTimeInMinutes ?? current?.bakeTimeInMinutes;
  if (bake !== undefined) configuration.bakeTimeInMinutes = bake;
  if (strategy === "CANARY") {
    configuration.canaryConfiguration = {
      ...current?.canaryConfiguration,
      ...(chosen.canaryPercent !== undefined ? { canaryPercent: chosen.canaryPercent } : {}),
      ...(chosen.canaryBakeTimeInMinutes !== undefined
        ? { canaryBakeTimeInMinutes: chosen.canaryBakeTimeInMinutes }
        : {}),
    };
  }
  if (strategy === "LINEAR") {
    configuration.linearConfiguration = {
      ...current?.linearConfiguration,
      ...(chosen.stepPercent !== undefined ? { stepPercent: chosen.stepPercent } : {}),
      ...(chosen.stepBakeTimeInMinutes !== undefined ? { stepBakeTimeInMinutes: chosen.stepBakeTimeInMinutes } : {}),
    };
  }
  return configuration;
}

/** Puts the strategy settings into the UpdateService input (before the policy check reads it). */
export function applyStrategySettings(update: UpdateServiceCommandInput, native: NativeDeploy): void {
  update.deploymentConfiguration = { ...update.deploymentConfiguration, ...native.configuration };
}

/** The service deployments listed before the update, so the one the update starts can be told apart. */
export async function serviceDeploymentsBefore(inputs: Inputs, ecs: ECSClient): Promise<Set<string>> {
  try {
    const listed = await listServiceDeployments(ecs, { cluster: inputs.cluster, service: inputs.service });
    return new Set(listed.flatMap((brief) => brief.serviceDeploymentArn ?? []));
  } catch (error) {
    throw new Error(
      `could not list the service's deployments, which a ${strategyName(inputs)} deploy follows (${(error as Error).message.split("\n")[0]}); nothing was registered or updated`,
      { cause: error },
    );
  }
}

function strategyName(inputs: Inputs): string {
  return inputs.deploymentStrategy.strategy?.toLowerCase() ?? "blue_green, linear or canary";
}

export interface FollowOptions {
  /** The step's cancellation (action-kit's run() aborts it on SIGINT and SIGTERM). */
  signal?: AbortSignal;
  /**
   * A client for the StopServiceDeployment that follows a cancel: the step's own client aborts
   * every call once the step is cancelled, the rollback included.
   */
  rollbackClient?: () => ECSClient;
  clock?: Clock;
  pollIntervalMs?: number;
  /** How long the watch may take: the step deadline's time left; timeout-minutes without one. */
  timeoutMs?: number;
}

/** What followNativeDeploy uses when the deploy passes nothing (the system clock, 5 s polls); tests put a fake clock here. */
export const followDefaults: FollowOptions = {};

/** After the UpdateService: find the service deployment it started, watch it, stop it with rollback when asked. */
export async function followNativeDeploy(
  inputs: Inputs,
  ecs: ECSClient,
  report: DeployReport,
  knownArns: ReadonlySet<string>,
  given: FollowOptions = {},
): Promise<void> {
  const signals = [followDefaults.signal, given.signal].filter((signal): signal is AbortSignal => signal !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  const options = { ...followDefaults, ...given, ...(signal ? { signal } : {}) };
  const native = report.native!;
  const ref = { cluster: inputs.cluster, service: inputs.service };
  const started = await findStartedServiceDeployment(ecs, ref, {
    knownArns,
    attempts: DISCOVERY_ATTEMPTS,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  if (!started?.serviceDeploymentArn) {
    const why = "ECS listed no new service deployment after the update";
    if (report.registration?.registered || inputs.forceNewDeployment) throw new Error(`${why}; nothing to watch`);
    core.info(`${why}: the task definition did not change, so there is nothing to deploy`);
    return;
  }
  const arn = started.serviceDeploymentArn;
  native.serviceDeploymentArn = arn;
  native.status = started.status;
  report.rolloutState = "IN_PROGRESS";
  core.info(`service deployment ${arn} started`);
  if (!inputs.wait) return;

  native.result = await watchServiceDeployment(ecs, {
    serviceDeploymentArn: arn,
    waitUntil: native.waitUntil,
    timeoutMs: options.timeoutMs ?? inputs.timeoutMinutes * 60_000,
    timeoutMinutes: inputs.timeoutMinutes,
    onProgress: (line) => core.info(line),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  const result = native.result;
  native.lifecycleStage = result.snapshot?.lifecycleStage;
  native.status = result.snapshot?.status ?? native.status;
  report.rolloutState = ROLLOUT_STATES[result.state];
  if (result.state === "COMPLETED" || result.state === "STAGE_REACHED") {
    core.info(result.message);
    return;
  }
  let message = result.message;
  const stillRunning = result.snapshot === undefined || result.snapshot.state === "IN_PROGRESS";
  if (inputs.rollback === "on-failure" && stillRunning) {
    core.info(`stopping service deployment ${arn} with rollback`);
    const cancelled = options.signal?.aborted === true;
    await stopServiceDeploymentWithRollback(cancelled && options.rollbackClient ? options.rollbackClient() : ecs, arn);
    native.stoppedWithRollback = true;
    message += `. Stopped it with rollback (StopServiceDeployment ROLLBACK): ECS goes back to the previous service revision`;
  } else if (stillRunning) {
    message += ". ECS carries on with the deployment (rollback: on-failure would stop it with rollback)";
  }
  throw new Error(message);
}

/** The action's rollout-state output for each way the watch ends. */
const ROLLOUT_STATES: Record<ServiceDeploymentResult["state"], string> = {
  COMPLETED: "COMPLETED",
  STAGE_REACHED: "IN_PROGRESS",
  FAILED: "FAILED",
  TIMED_OUT: "TIMED_OUT",
  CANCELLED: "CANCELLED",
};
