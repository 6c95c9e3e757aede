// The policy check before anything is registered: the same rules as `shipshape lint`, run on the
// rendered task definition and on the service's settings as the deploy will leave them.
import type { Service, UpdateServiceCommandInput } from "@aws-sdk/client-ecs";
import * as core from "@actions/core";
import { type ContainerImage, maskUrlCredentials, type TaskDefinitionInput } from "@shipshape/aws";
import { type Finding, type LintReport, lintSources, type ShipshapeConfig, type SourceText } from "@shipshape/core";
import { loadConfig } from "@shipshape/project";
import { annotation } from "@shipshape/report";
import type { PolicySource } from "./context.js";
import { type LoadedTaskDefinition, renderFileText } from "./task-definition-source.js";

export interface PolicyCheck {
  /** The preset or config file that chose the rules. */
  policy: string;
  report: LintReport;
  errors: number;
  warnings: number;
}

/** Names for documents that are not files in the repository; findings on them carry no file annotation. */
const RENDERED_TASK_DEFINITION = "rendered-task-definition.json";
const SERVICE_SETTINGS = "service-settings.json";
const LINTABLE = /\.(json|ya?ml|template)$/i;

export function checkPolicy(
  policy: Exclude<PolicySource, { kind: "off" }>,
  workspace: string,
  task: { loaded: LoadedTaskDefinition; rendered: TaskDefinitionInput; images: readonly ContainerImage[] },
  service: { current: Service; update: UpdateServiceCommandInput },
): PolicyCheck {
  const config: ShipshapeConfig =
    policy.kind === "preset" ? { preset: policy.name } : loadConfig(policy.path, workspace).config;
  const file = task.loaded.file;
  const fileText = file && LINTABLE.test(file.shownPath) ? renderFileText(file.text, task.images) : undefined;
  const sources: SourceText[] = [
    fileText !== undefined && file
      ? { file: file.shownPath, text: fileText }
      : { file: RENDERED_TASK_DEFINITION, text: JSON.stringify(task.rendered, null, 2) },
    {
      file: SERVICE_SETTINGS,
      text: JSON.stringify(serviceSettings(service.current, service.update, task.rendered), null, 2),
    },
  ];
  const name = policy.kind === "preset" ? `preset ${policy.name}` : policy.shownPath;
  core.startGroup(`Policy check (${name})`);
  const report = lintSources(sources, { config });
  const names: Record<string, string> = {
    [RENDERED_TASK_DEFINITION]: `task definition ${task.rendered.family} (from ${task.loaded.origin}, rendered)`,
    [SERVICE_SETTINGS]: `service ${service.update.service} as deployed`,
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
