// A CodeDeploy blue/green deployment of an ECS service: CreateDeployment with the AppSpec as
// content, and a watch to its end (GetDeployment, and the ECS target's lifecycle events).
import { createHash } from "node:crypto";
import {
  BatchGetDeploymentTargetsCommand,
  type CodeDeployClient,
  CreateDeploymentCommand,
  type DeploymentInfo,
  GetDeploymentCommand,
  GetDeploymentGroupCommand,
  ListDeploymentTargetsCommand,
} from "@aws-sdk/client-codedeploy";
import { isTransientError } from "../ecs/client.js";
import { type Clock, systemClock } from "../clock.js";

export interface CodeDeployTarget {
  application: string;
  deploymentGroup: string;
}

/** CreateDeployment: the description is cut to CodeDeploy's 512 characters. */
export async function createEcsDeployment(
  codedeploy: CodeDeployClient,
  target: CodeDeployTarget,
  appSpec: string,
  options: { description?: string; deploymentConfig?: string } = {},
): Promise<string> {
  const description = options.description;
  const response = await codedeploy.send(
    new CreateDeploymentCommand({
      applicationName: target.application,
      deploymentGroupName: target.deploymentGroup,
      revision: {
        revisionType: "AppSpecContent",
        appSpecContent: { content: appSpec, sha256: createHash("sha256").update(appSpec).digest("hex") },
      },
      ...(description
        ? { description: description.length <= 512 ? description : `${description.slice(0, 511)}…` }
        : {}),
      ...(options.deploymentConfig ? { deploymentConfigName: options.deploymentConfig } : {}),
    }),
  );
  if (!response.deploymentId) throw new Error("CodeDeploy CreateDeployment returned no deploymentId");
  return response.deploymentId;
}

/** The minutes a blue/green deployment group itself waits (ready option and blue termination), added to the step's timeout. */
export async function deploymentGroupWaitMinutes(
  codedeploy: CodeDeployClient,
  target: CodeDeployTarget,
): Promise<number> {
  const { deploymentGroupInfo } = await codedeploy.send(
    new GetDeploymentGroupCommand({ applicationName: target.application, deploymentGroupName: target.deploymentGroup }),
  );
  const blueGreen = deploymentGroupInfo?.blueGreenDeploymentConfiguration;
  return (
    (blueGreen?.deploymentReadyOption?.waitTimeInMinutes ?? 0) +
    (blueGreen?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes ?? 0)
  );
}

export type CodeDeployState = "Succeeded" | "Failed" | "Stopped" | "TIMED_OUT";

export interface CodeDeployResult {
  state: CodeDeployState;
  message: string;
  /** The last lifecycle events seen, `name: status`. */
  lifecycleEvents: string[];
}

export interface CodeDeployWatch {
  deploymentId: string;
  timeoutMs: number;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  onProgress?: (line: string) => void;
  clock?: Clock;
}

const FINAL = new Set(["Succeeded", "Failed", "Stopped"]);

/** Polls the deployment until it succeeds, fails or is stopped, or the timeout passes. */
export async function watchEcsDeployment(
  codedeploy: CodeDeployClient,
  watch: CodeDeployWatch,
): Promise<CodeDeployResult> {
  const clock = watch.clock ?? systemClock;
  const report = watch.onProgress ?? (() => {});
  const deadline = clock.now() + watch.timeoutMs;
  const maxDelay = watch.maxPollIntervalMs ?? 30_000;
  let delay = Math.min(watch.pollIntervalMs ?? 5_000, maxDelay);
  let lastStatus = "";
  let events: string[] = [];
  for (;;) {
    try {
      const { deploymentInfo: info } = await codedeploy.send(
        new GetDeploymentCommand({ deploymentId: watch.deploymentId }),
      );
      const status = info?.status ?? "Unknown";
      if (status !== lastStatus) report(`CodeDeploy deployment ${watch.deploymentId}: ${status}`);
      lastStatus = status;
      const latest = await lifecycleEvents(codedeploy, watch.deploymentId);
      for (const line of latest) if (!events.includes(line)) report(`  ${line}`);
      if (latest.length > 0) events = latest;
      if (FINAL.has(status)) {
        return {
          state: status as CodeDeployState,
          message: messageOf(status, info, watch.deploymentId),
          lifecycleEvents: events,
        };
      }
    } catch (error) {
      if (!isTransientError(error)) throw error;
    }
    if (clock.now() + delay > deadline) {
      return {
        state: "TIMED_OUT",
        message: `CodeDeploy deployment ${watch.deploymentId} did not finish within ${Math.round(watch.timeoutMs / 60_000)} minutes (last status ${lastStatus || "unknown"}); CodeDeploy carries on with it`,
        lifecycleEvents: events,
      };
    }
    await clock.sleep(delay);
    delay = Math.min(Math.ceil(delay * 1.5), maxDelay);
  }
}

function messageOf(status: string, info: DeploymentInfo | undefined, id: string): string {
  if (status === "Succeeded") return `CodeDeploy deployment ${id} succeeded`;
  const error = info?.errorInformation;
  const why = error?.message ? `: ${error.code ? `${error.code}: ` : ""}${error.message}` : "";
  const rolledBack = info?.rollbackInfo?.rollbackDeploymentId
    ? ` (rolled back by ${info.rollbackInfo.rollbackDeploymentId})`
    : "";
  return `CodeDeploy deployment ${id} ${status === "Stopped" ? "was stopped" : "failed"}${why}${rolledBack}`;
}

/** The ECS target's lifecycle events as `name: status`; empty where the API gives none or fails. */
async function lifecycleEvents(codedeploy: CodeDeployClient, deploymentId: string): Promise<string[]> {
  try {
    const { targetIds = [] } = await codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId }));
    if (targetIds.length === 0) return [];
    const { deploymentTargets = [] } = await codedeploy.send(
      new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: targetIds.slice(0, 25) }),
    );
    return deploymentTargets.flatMap((target) =>
      (target.ecsTarget?.lifecycleEvents ?? []).map(
        (event) =>
          `${event.lifecycleEventName ?? "event"}: ${event.status ?? "Unknown"}${event.diagnostics?.message ? ` (${event.diagnostics.message})` : ""}`,
      ),
    );
  } catch {
    // Best effort: the deployment's own status decides; a target API that fails (or is missing,
    // as in moto) only leaves the lifecycle events out.
    return [];
  }
}
