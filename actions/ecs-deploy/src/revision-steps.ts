// The steps every way of deploying shares around the new revision: render it from the inputs,
// show what changes and refuse what the plan or the policy refuses, then register it unless it is
// unchanged. The rolling, native, CodeDeploy and register-only flows call these, not copies.
import * as core from "@actions/core";
import type { ECSClient } from "@aws-sdk/client-ecs";
import { printUntrusted } from "@shipshape/action-kit";
import {
  diffTaskDefinitions,
  formatTaskDefinitionChanges,
  type RegisteredTaskDefinition,
  registerIfChanged,
  type TaskDefinitionChange,
  type TaskDefinitionInput,
} from "@shipshape/aws";
import { plural } from "@shipshape/report";
import type { Inputs } from "./context.js";
import type { DeployReport } from "./deploy.js";
import {
  imageEdits,
  type LoadedTaskDefinition,
  loadTaskDefinition,
  renderLoaded,
} from "./task-definition-source.js";

/** The task definition the inputs name (or the current one), with the inputs' images written in. */
export async function renderRevision(
  inputs: Inputs,
  ecs: ECSClient,
  current: RegisteredTaskDefinition | undefined,
  report: DeployReport,
): Promise<{ loaded: LoadedTaskDefinition; rendered: TaskDefinitionInput }> {
  const loaded = await loadTaskDefinition(inputs.taskDefinition, ecs, current);
  const rendered = renderLoaded(loaded, imageEdits(inputs.images), inputs.dropIn.keepNullValueKeys);
  report.family = rendered.family;
  return { loaded, rendered };
}

/**
 * Prints what changes against `current`, throws when the plan or the policy check refuses, and
 * says whether the step stops here as a dry run (`whatDryRunSkips`: "registered or updated").
 */
export function reviewRevision(
  inputs: Inputs,
  rendered: TaskDefinitionInput,
  current: RegisteredTaskDefinition | undefined,
  report: DeployReport,
  whatDryRunSkips: string,
): "dry-run" | "go" {
  report.changes = diffTaskDefinitions(current?.definition, rendered);
  printChanges(report.changes, current?.arn);
  const refusal = refusalBeforeRegistering(report, inputs.dryRun);
  if (refusal) throw new Error(refusal);
  if (!inputs.dryRun) return "go";
  core.info(`dry-run: nothing was ${whatDryRunSkips}`);
  return "dry-run";
}

/** Registers `rendered` unless it equals `current`; returns the ARN to deploy. */
export async function registerRevision(
  ecs: ECSClient,
  rendered: TaskDefinitionInput,
  current: RegisteredTaskDefinition | undefined,
  report: DeployReport,
  signal?: AbortSignal,
): Promise<string> {
  report.phase = `registering a revision of ${rendered.family}`;
  report.registration = await registerIfChanged(ecs, rendered, current, {
    onNote: (line) => core.warning(line),
    ...(signal ? { abortSignal: signal } : {}),
  });
  const arn = report.registration.taskDefinitionArn;
  core.info(report.registration.registered ? `registered ${arn}` : `unchanged: keeping ${arn}`);
  return arn;
}

function printChanges(changes: TaskDefinitionChange[], currentArn: string | undefined): void {
  core.startGroup(`Task definition changes against ${currentArn ?? "nothing registered"}`);
  // Paths hold the file's own keys: printed with workflow commands off.
  if (changes.length > 0) printUntrusted(formatTaskDefinitionChanges(changes).join("\n"));
  else core.info("no changes: the current revision is kept");
  core.endGroup();
}

/** Why the deploy stops before registering anything, if it does. */
function refusalBeforeRegistering(report: DeployReport, dryRun: boolean): string | undefined {
  const problems: string[] = [];
  if (report.plan && !report.plan.canProgress)
    problems.push(`the rolling deployment cannot progress: ${report.plan.reason}`);
  if (report.policy && report.policy.errors > 0) {
    problems.push(
      `the policy check (${report.policy.policy}) found ${plural(report.policy.errors, "error")}`,
    );
  }
  if (problems.length === 0) return undefined;
  return `${problems.join("; ")}; ${dryRun ? "this deploy would stop here" : "nothing was registered or updated"}`;
}
