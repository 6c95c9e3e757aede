// The deploy, step by step: read the service, render, plan, policy check, diff, register, update,
// watch, roll back. What each step learns goes into the report the outputs and summary come from.
import * as core from "@actions/core";
import { workspaceOf } from "@shipshape/action-kit";
import type { ECSClient, Service } from "@aws-sdk/client-ecs";
import {
  type DeploymentSettings,
  describeService,
  describeTaskDefinition,
  effectiveDeploymentSettings,
  type Registration,
  type RolloutResult,
  rollBackService,
  type TaskDefinitionChange,
  type TaskDefinitionInput,
  updateService,
  updateServiceInput,
  watchRollout,
} from "@shipshape/aws";
import { planRollingDeployment, type RollingPlan } from "@shipshape/core";
import { renderPlan } from "@shipshape/report";
import type { Inputs } from "./context.js";
import {
  applyStrategySettings,
  followNativeDeploy,
  type NativeDeployReport,
  planNativeDeploy,
  serviceDeploymentsBefore,
} from "./native-deploy.js";
import type { CodeDeployReport } from "./codedeploy-deploy.js";
import type { RunTaskReport } from "./run-task-step.js";
import { checkPolicy, type PolicyCheck } from "./policy-gate.js";
import { registerRevision, renderRevision, reviewRevision } from "./revision-steps.js";
import type { StepDeadline } from "./step-deadline.js";

export interface DeployReport {
  previousTaskDefinitionArn?: string;
  family?: string;
  settings?: ReturnType<typeof effectiveDeploymentSettings>;
  plan?: RollingPlan;
  policy?: PolicyCheck;
  changes?: TaskDefinitionChange[];
  registration?: Registration;
  deploymentId?: string;
  rolloutState?: string;
  rollout?: RolloutResult;
  rollback?: { taskDefinitionArn: string; deploymentId?: string };
  /** Blue/green, linear and canary deployments (native-deploy.ts). */
  native?: NativeDeployReport;
  /** run-task: the one-off tasks started, and how they ended. */
  runTask?: RunTaskReport;
  /** A CODE_DEPLOY service: the blue/green deployment started, and how it ended. */
  codeDeploy?: CodeDeployReport;
  /** Why the rollback to the previous revision failed, when it was tried and failed. */
  rollbackFailure?: string;
  /** What the step is doing now, for the message when it is cancelled: "watching the rollout". */
  phase?: string;
  /** UpdateService was sent (it may not have answered). */
  updateSent?: boolean;
  /** UpdateService accepted the new revision. */
  updated?: boolean;
  /** The service runs the revision: its rollout completed, or was not waited for. */
  deployed?: boolean;
  /** The revision the service runs at the end, as far as the step knows it (outputsOf falls back on the others). */
  serviceTaskDefinitionArn?: string;
}

/** Between registering and updating the service: run-task (a migration) runs there. */
export interface DeployHooks {
  afterRegister?: (taskDefinitionArn: string, rendered: TaskDefinitionInput) => Promise<void>;
}

export interface DeployOptions {
  hooks?: DeployHooks;
  /** The step's cancellation. */
  signal?: AbortSignal;
  /** The service as the caller already described it (one DescribeServices a step). */
  service?: Service;
  /** A client that the step's cancellation does not abort, for the rollback a cancel asks for. */
  rollbackClient?: () => ECSClient;
  /**
   * The step's deadline. With it, `ecs` is a client its signal aborts, used up to the update, and
   * `watchClient` (aborted by a cancel only) watches and rolls back in the time left.
   */
  deadline?: StepDeadline;
  watchClient?: ECSClient;
}

export async function deploy(
  inputs: Inputs,
  ecs: ECSClient,
  report: DeployReport,
  { hooks = {}, signal, service: described, rollbackClient, deadline, watchClient = ecs }: DeployOptions = {},
): Promise<void> {
  const bounded = <T>(work: Promise<T>): Promise<T> => (deadline ? deadline.race(work) : work);
  const ref = { cluster: inputs.cluster, service: inputs.service };
  report.phase = "reading the service";
  const service = described ?? (await bounded(describeService(ecs, ref, signal ? { abortSignal: signal } : {})));
  report.phase = "reading the service's task definition";
  const current = service.taskDefinition
    ? await bounded(describeTaskDefinition(ecs, service.taskDefinition))
    : undefined;
  report.previousTaskDefinitionArn = current?.arn;
  report.phase = "rendering the task definition";
  const { loaded, rendered } = await bounded(renderRevision(inputs, ecs, current, report));

  const settings: DeploymentSettings = {
    ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
    ...(inputs.minimumHealthyPercent !== undefined ? { minimumHealthyPercent: inputs.minimumHealthyPercent } : {}),
    ...(inputs.maximumPercent !== undefined ? { maximumPercent: inputs.maximumPercent } : {}),
    circuitBreaker: inputs.circuitBreaker,
    alarms: inputs.alarms,
    forceNewDeployment: inputs.forceNewDeployment,
  };
  const nativeDeploy = planNativeDeploy(inputs, service, settings, report);
  if (!nativeDeploy) showPlan(service, settings, report);
  // The update as it will be sent, for the policy check; the task definition is known after registering.
  const update = updateServiceInput(ref, service, "", settings);
  if (nativeDeploy) applyStrategySettings(update, nativeDeploy);
  if (inputs.policy.kind !== "off") {
    report.policy = checkPolicy(inputs.policy, workspaceOf(), { loaded, rendered }, { current: service, update });
  }
  if (reviewRevision(inputs, rendered, current, report, "registered or updated") === "dry-run") return;

  // Listed before anything changes, so an endpoint without the service-deployment API fails the step with nothing done.
  const knownServiceDeployments = nativeDeploy ? await bounded(serviceDeploymentsBefore(inputs, ecs)) : undefined;
  const arn = await bounded(registerRevision(ecs, rendered, current, report, signal));
  if (hooks.afterRegister) {
    report.phase = `running one-off tasks of ${arn}`;
    await bounded(hooks.afterRegister(arn, rendered));
  }
  report.phase = `updating service ${inputs.service} to ${arn}`;
  report.updateSent = true;
  const { service: updated, deployment } = await bounded(
    updateService(ecs, { ...update, taskDefinition: arn, ...inputs.dropIn.serviceExtras }),
  );
  report.updated = true;
  report.serviceTaskDefinitionArn = arn;
  report.deploymentId = deployment?.id;
  report.rolloutState = deployment?.rolloutState ?? "IN_PROGRESS";
  core.info(`updated service ${inputs.service}: deployment ${deployment?.id ?? "(none listed)"}`);
  if (knownServiceDeployments)
    return followNativeDeploy(inputs, watchClient, report, knownServiceDeployments, {
      ...(signal ? { signal } : {}),
      ...(rollbackClient ? { rollbackClient } : {}),
      ...(deadline ? { timeoutMs: deadline.remainingMs() } : {}),
    });
  if (!inputs.wait) {
    report.deployed = true;
    return;
  }
  if (!deployment?.id) {
    core.warning("UpdateService listed no PRIMARY deployment, so there is no rollout to watch");
    report.deployed = true;
    return;
  }

  report.phase = `watching deployment ${deployment.id} of service ${inputs.service} (revision ${arn})`;
  report.rollout = await watchRollout(watchClient, {
    ...ref,
    deploymentId: deployment.id,
    taskDefinitionArn: arn,
    timeoutMs: deadline ? deadline.remainingMs() : inputs.timeoutMinutes * 60_000,
    timeoutMinutes: inputs.timeoutMinutes,
    ...(inputs.dropIn.maxPollIntervalMs ? { maxPollIntervalMs: inputs.dropIn.maxPollIntervalMs } : {}),
    seenEventIds: (updated.events ?? []).flatMap((event) => event.id ?? []),
    onProgress: (line) => core.info(line),
    ...(signal ? { signal } : {}),
  });
  report.rolloutState = report.rollout.state;
  if (report.rollout.state === "COMPLETED") {
    report.deployed = true;
    return;
  }
  try {
    await rollBackIfAsked(inputs, watchClient, report);
  } catch (error) {
    report.rollbackFailure = (error as Error).message;
    throw new Error(
      `${report.rollout.message.replace(/\.$/, "")}. The rollback to ${report.previousTaskDefinitionArn} failed too: ${report.rollbackFailure}`,
      { cause: error },
    );
  }
  throw new Error(withRollbackNote(report.rollout.message, report));
}

/**
 * The revision the service runs once the step is over. When the step failed after the update
 * (the rollout failed, ECS may have rolled back, a rollback may have half-happened), the service
 * is read again; when that fails too, what the step knows stands.
 */
const SETTLE_TIMEOUT_MS = 5_000;

/** One read of the service after the step's own deadline, bounded on its own. */
function readServiceOnce(ecs: ECSClient, inputs: Inputs): Promise<Service> {
  return describeService(
    ecs,
    { cluster: inputs.cluster, service: inputs.service },
    { abortSignal: AbortSignal.timeout(SETTLE_TIMEOUT_MS) },
  );
}

export async function settleServiceRevision(ecs: ECSClient, inputs: Inputs, report: DeployReport): Promise<void> {
  // A timeout without a rollback leaves the service on our revision; a failed rollout or rollback is in doubt.
  if (!report.updated || (report.rolloutState !== "FAILED" && report.rollbackFailure === undefined)) return;
  try {
    const service = await readServiceOnce(ecs, inputs);
    if (service.taskDefinition) report.serviceTaskDefinitionArn = service.taskDefinition;
  } catch (error) {
    core.warning(`could not read which revision service ${inputs.service} runs now: ${(error as Error).message}`);
  }
}

/**
 * The deadline passed before the watch. An UpdateService sent without an answer may have gone
 * through: the service is read again to know. An update that went through is rolled back when
 * rollback is on-failure, as after a watch that timed out. Says what the service was left with.
 */
export async function settleAfterDeadline(ecs: ECSClient, inputs: Inputs, report: DeployReport): Promise<string> {
  const ours = report.registration?.taskDefinitionArn;
  if (!inputs.service) return "nothing was deployed";
  if (report.updateSent && !report.updated) {
    try {
      const service = await readServiceOnce(ecs, inputs);
      if (service.taskDefinition) report.serviceTaskDefinitionArn = service.taskDefinition;
      report.updated = service.taskDefinition === ours && ours !== report.previousTaskDefinitionArn;
    } catch (error) {
      return `UpdateService was sent and did not answer, and the service could not be read (${(error as Error).message}): it may be deploying ${ours}`;
    }
  }
  if (!report.updated) return "the service was not updated";
  const previous = report.previousTaskDefinitionArn;
  if (inputs.rollback !== "on-failure" || !previous) {
    return `the service was updated to ${ours}: ECS goes on with the deployment, unwatched`;
  }
  try {
    core.info(`rolling back to ${previous}`);
    const { deployment } = await rollBackService(ecs, { cluster: inputs.cluster, service: inputs.service }, previous);
    report.rollback = { taskDefinitionArn: previous, ...(deployment?.id ? { deploymentId: deployment.id } : {}) };
    report.serviceTaskDefinitionArn = previous;
    return `the service was updated to ${ours}; rolled back to ${previous} (deployment ${deployment?.id ?? "not listed"})`;
  } catch (error) {
    report.rollbackFailure = (error as Error).message;
    return `the service was updated to ${ours}; the rollback to ${previous} failed: ${report.rollbackFailure}`;
  }
}

function showPlan(service: Service, settings: DeploymentSettings, report: DeployReport): void {
  report.settings = effectiveDeploymentSettings(service, settings);
  const strategy = service.deploymentConfiguration?.strategy;
  if (strategy && strategy !== "ROLLING") {
    core.info(`the service deploys with the ${strategy} strategy; the rolling plan does not apply`);
    return;
  }
  report.plan = planRollingDeployment(report.settings);
  const { desiredCount, minimumHealthyPercent, maximumPercent } = report.settings;
  core.startGroup(
    `Rolling plan: ${desiredCount} tasks, minimumHealthyPercent ${minimumHealthyPercent}, maximumPercent ${maximumPercent}`,
  );
  core.info(renderPlan(report.plan).trimEnd());
  core.endGroup();
}

/** rollback: on-failure, when the service still runs our deployment (ECS neither rolled back nor is about to). */
async function rollBackIfAsked(inputs: Inputs, ecs: ECSClient, report: DeployReport): Promise<void> {
  const previous = report.previousTaskDefinitionArn;
  const rollout = report.rollout!;
  if (inputs.rollback !== "on-failure" || !previous || previous === report.registration?.taskDefinitionArn) return;
  if (rollout.snapshot?.primaryIsOurs === false) return;
  if (rollout.state === "FAILED" && inputs.circuitBreaker.rollback) return;
  core.info(`rolling back to ${previous}`);
  report.phase = `rolling service ${inputs.service} back to ${previous}`;
  const { deployment } = await rollBackService(ecs, { cluster: inputs.cluster, service: inputs.service }, previous);
  report.rollback = { taskDefinitionArn: previous, ...(deployment?.id ? { deploymentId: deployment.id } : {}) };
  report.serviceTaskDefinitionArn = previous;
}

function withRollbackNote(message: string, report: DeployReport): string {
  const rollback = report.rollback;
  if (!rollback) return message;
  return `${message.replace(/\.$/, "")}. Rolled back to ${rollback.taskDefinitionArn} (deployment ${rollback.deploymentId ?? "not listed"})`;
}
