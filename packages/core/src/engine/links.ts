// What the linker fills in before the rules run: a service's task definition (by logical id in its
// own document, else by family across every file of the run) and its target groups (in its own
// document).
import type { LoadedDocument } from "../loaders/load.js";
import type { Service, TargetGroup, TaskDefinition } from "../model/resources.js";

/** The family a task definition is found by from other files; CloudFormation ones are found by logical id only. */
export function runFamilyOf(resource: TaskDefinition): string | undefined {
  return resource.format === "cloudformation" ? undefined : resource.props.str("family");
}

/** The families the document's services look up across the run: those their own document does not resolve. */
export function familiesWanted(document: LoadedDocument): string[] {
  const wanted: string[] = [];
  let byLogicalId: Map<string, TaskDefinition> | undefined;
  for (const resource of document.resources) {
    if (resource.kind !== "service") continue;
    const reference = resource.taskDefinitionReference;
    if (reference?.family === undefined) continue;
    byLogicalId ??= taskDefinitionsByName(document);
    if (reference.logicalId !== undefined && byLogicalId.has(reference.logicalId)) continue;
    wanted.push(reference.family);
  }
  return wanted;
}

/**
 * Links the document's services to their task definitions and target groups; `byFamily` holds the
 * run's task definitions by family (the last file's wins), or what of them this document wants.
 */
export function linkDocument(document: LoadedDocument, byFamily: ReadonlyMap<string, TaskDefinition>): void {
  let byLogicalId: Map<string, TaskDefinition> | undefined;
  for (const resource of document.resources)
    if (resource.kind === "service") {
      byLogicalId ??= taskDefinitionsByName(document);
      link(resource, byLogicalId, byFamily);
    }
  linkTargetGroups(document);
}

function taskDefinitionsByName(document: LoadedDocument): Map<string, TaskDefinition> {
  const byLogicalId = new Map<string, TaskDefinition>();
  for (const resource of document.resources)
    if (resource.kind === "task-definition") byLogicalId.set(resource.name, resource);
  return byLogicalId;
}

/** A service's target groups in its own document, by logical id / Terraform address or by literal ARN. */
function linkTargetGroups(document: LoadedDocument): void {
  const byName = new Map<string, TargetGroup>();
  const byArn = new Map<string, TargetGroup>();
  for (const resource of document.resources)
    if (resource.kind === "target-group") {
      byName.set(resource.name, resource);
      const arn = resource.props.str("arn");
      if (arn) byArn.set(arn, resource);
    }
  if (byName.size === 0) return;
  for (const resource of document.resources) {
    if (resource.kind !== "service") continue;
    for (const target of resource.loadBalancerTargets) {
      const arn = target.targetGroupArn.kind === "scalar" ? target.targetGroupArn.value : undefined;
      const found =
        (target.targetGroupName !== undefined ? byName.get(target.targetGroupName) : undefined) ??
        (typeof arn === "string" ? byArn.get(arn) : undefined);
      if (found) target.targetGroup = found;
    }
  }
}

function link(
  service: Service,
  byLogicalId: Map<string, TaskDefinition>,
  byFamily: ReadonlyMap<string, TaskDefinition>,
): void {
  const reference = service.taskDefinitionReference;
  if (!reference) return;
  const target =
    (reference.logicalId !== undefined ? byLogicalId.get(reference.logicalId) : undefined) ??
    (reference.family !== undefined ? byFamily.get(reference.family) : undefined);
  if (target) service.taskDefinition = target;
}
