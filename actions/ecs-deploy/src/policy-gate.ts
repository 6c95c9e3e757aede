// The policy check before anything is registered: the same rules as `shipshape lint`, run on the
// rendered task definition and on the service's settings as the deploy will leave them.
import { isAbsolute } from "node:path";
import type { Service, UpdateServiceCommandInput } from "@aws-sdk/client-ecs";
import * as core from "@actions/core";
import { maskUrlCredentials, type TaskDefinitionInput } from "@shipshape/aws";
import {
  type Finding,
  type LintReport,
  lintLoaded,
  loadDocument,
  readParsed,
  type ShipshapeConfig,
} from "@shipshape/core";
import { loadConfig } from "@shipshape/project";
import { annotation } from "@shipshape/report";
import type { PolicySource } from "./context.js";
import { type LoadedTaskDefinition, RENDERED_TASK_DEFINITION } from "./task-definition-source.js";

export interface PolicyCheck {
  /** The preset or config file that chose the rules. */
  policy: string;
  report: LintReport;
  errors: number;
  warnings: number;
}

/** A name for a document that is not a file in the repository; findings on it carry no file annotation. */
const SERVICE_SETTINGS = "service-settings.json";

/**
 * Lints the task definition's rendered tree as parsed once (findings on a file point at its lines)
 * and, when there is a service, its settings as the deploy will leave them.
 */
export function checkPolicy(
  policy: Exclude<PolicySource, { kind: "off" }>,
  workspace: string,
  task: { loaded: LoadedTaskDefinition; rendered: TaskDefinitionInput },
  service?: { current: Service; update: UpdateServiceCommandInput },
): PolicyCheck {
  const config: ShipshapeConfig =
    policy.kind === "preset" ? { preset: policy.name } : loadConfig(policy.path, workspace).config;
  const { loaded } = task;
  const documents = [readParsed(loaded.file, loaded.text, [loaded.root])];
  if (service) {
    const settings = serviceSettings(service.current, service.update, task.rendered);
    documents.push(loadDocument(SERVICE_SETTINGS, JSON.stringify(settings, null, 2)));
  }
  const name = policy.kind === "preset" ? `preset ${policy.name}` : policy.shownPath;
  core.startGroup(`Policy check (${name})`);
  const report = lintLoaded(documents, { config });
  const names: Record<string, string> = {
    [RENDERED_TASK_DEFINITION]: `task definition ${task.rendered.family} (from ${loaded.origin}, rendered)`,
    // A file outside the workspace (ecs-render's output in RUNNER_TEMP) cannot carry an annotation.
    ...(outsideWorkspace(loaded.file)
      ? { [loaded.file]: `task definition ${task.rendered.family} (from ${loaded.origin}, rendered)` }
      : {}),
    [SERVICE_SETTINGS]: `service ${service?.update.service} as deployed`,
  };
  for (const finding of report.findings) printFinding(finding, names[finding.file]);
  const count = (severity: Finding["severity"]) =>
    report.findings.filter((finding) => finding.severity === severity).length;
  const check = { policy: name, report, errors: count("error"), warnings: count("warning") };
  core.info(`${check.errors} errors, ${check.warnings} warnings`);
  core.endGroup();
  return check;
}

/**
 * The service as an UpdateService/CreateService document after the deploy: its current settings
 * with the deploy's count and deployment configuration, naming the rendered family so the
 * linter links the two.
 */
export function serviceSettings(current: Service, update: UpdateServiceCommandInput, rendered: TaskDefinitionInput) {
  const { deployments, events, taskSets, createdAt, createdBy, runningCount, pendingCount, status, ...settings } =
    current;
  return {
    ...settings,
    serviceName: current.serviceName ?? update.service,
    taskDefinition: rendered.family,
    ...(update.desiredCount !== undefined ? { desiredCount: update.desiredCount } : {}),
    ...(update.deploymentConfiguration ? { deploymentConfiguration: update.deploymentConfiguration } : {}),
  };
}

function outsideWorkspace(file: string): boolean {
  return file.startsWith("../") || isAbsolute(file);
}

function printFinding(finding: Finding, documentName: string | undefined): void {
  if (!documentName) {
    core.info(annotation({ ...finding, message: maskUrlCredentials(finding.message) }));
    return;
  }
  const message = maskUrlCredentials(`${documentName}: ${finding.path} ${finding.message} (${finding.ruleId})`);
  if (finding.severity === "error") core.error(message, { title: finding.ruleId });
  else if (finding.severity === "warning") core.warning(message, { title: finding.ruleId });
  else core.notice(message, { title: finding.ruleId });
}
