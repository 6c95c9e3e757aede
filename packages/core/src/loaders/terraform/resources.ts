import type { MapNode, Node } from "../../document/node.js";
import { Obj } from "../../model/obj.js";
import {
  makeEcrRepository,
  makeLifecyclePolicy,
  makeRepositoryPolicy,
  makeResource,
  makeService,
  makeTaskDefinition,
  type Resource,
  type ResourceOrigin,
  type TaskDefinition,
} from "../../model/resources.js";
import { configAddress, literalString } from "../terraform-plan-values.js";
import { mapEntry, unknown } from "./located.js";
import { readJsonValue } from "./text-with-holes.js";

/** A resource block evaluated: its address, its arguments as a plan's `values`, and what each argument references. */
export interface EvaluatedResource {
  type: string;
  origin: ResourceOrigin;
  /** argument name -> addresses of the resources it references */
  references: Map<string, Set<string>>;
}

/**
 * The model resources of one module instance's resource blocks, the same ones the plan reader
 * makes of the same resources (see terraform-plan.ts): block arguments keep Terraform's
 * snake_case names and nested blocks are lists of maps; container definitions and lifecycle
 * policies are read as JSON, whether written as jsonencode(...), a heredoc, file() or
 * templatefile(). aws_lb (never a Classic Load Balancer) has no model resource.
 */
export function modelResources(evaluated: EvaluatedResource[]): Resource[] {
  const withPolicy = repositoriesWithPolicy(evaluated);
  const resources: Resource[] = [];
  const taskDefinitions: TaskDefinition[] = [];
  for (const { type, origin } of evaluated) {
    const resource = modelResource(type, origin, withPolicy);
    if (!resource) continue;
    resources.push(resource);
    if (resource.kind === "task-definition") taskDefinitions.push(resource);
  }
  // A service's task_definition (an ARN known after apply) is linked to the task definition it
  // references: the one, or the instance with the service's own count / for_each key.
  evaluated.forEach(({ type, origin, references }) => {
    if (type !== "aws_ecs_service") return;
    const service = resources.find((resource) => resource.name === origin.name);
    const targets = new Set([...(references.get("task_definition") ?? [])].map(configAddress));
    const candidates = taskDefinitions.filter((task) => targets.has(configAddress(task.name)));
    const target =
      candidates.length === 1 ? candidates[0] : candidates.find((task) => instanceKey(task.name) === instanceKey(origin.name));
    if (service?.kind !== "service" || !target) return;
    const node = service.props.get("task_definition") ?? service.props.node;
    service.taskDefinitionReference = { ...service.taskDefinitionReference, node, logicalId: target.name };
    service.taskDefinition = target;
  });
  return resources;
}

function modelResource(
  type: string,
  origin: ResourceOrigin,
  withPolicy: (address: string, repository: Obj) => boolean,
): Resource | undefined {
  const values = new Obj(origin.node);
  switch (type) {
    case "aws_ecs_task_definition":
      return makeTaskDefinition(origin, containerDefinitions(values.get("container_definitions")));
    case "aws_ecs_service":
      return makeService(origin);
    case "aws_ecs_cluster":
      return makeResource("cluster", origin);
    case "aws_ecs_cluster_capacity_providers":
      return makeResource("cluster", capacityProvidersAsCluster(origin));
    case "aws_ecr_repository":
      return makeEcrRepository(origin, withPolicy(origin.name, values));
    case "aws_ecr_lifecycle_policy":
      return lifecyclePolicy(origin, values.get("policy"));
    case "aws_ecr_repository_policy":
      return repositoryPolicy(origin, values.get("policy"));
    case "aws_lb_target_group":
    case "aws_alb_target_group":
      return makeResource("target-group", origin);
    case "aws_elb":
      return makeResource("classic-load-balancer", origin);
    case "aws_appautoscaling_target":
      return makeResource("scalable-target", origin);
    case "aws_appautoscaling_policy":
      return makeResource("scaling-policy", origin);
    default:
      return undefined;
  }
}

/** The container definitions list: written in HCL (jsonencode), or JSON text. */
function containerDefinitions(value: Node | undefined): Node | undefined {
  if (!value) return undefined;
  if (value.kind === "seq") return value;
  return readJsonValue(value)?.node;
}

function lifecyclePolicy(origin: ResourceOrigin, value: Node | undefined): Resource | undefined {
  if (!value || (value.kind === "scalar" && value.value === null)) return undefined;
  if (value.kind === "map") return makeLifecyclePolicy(origin, value);
  const read = readJsonValue(value);
  return makeLifecyclePolicy(origin, read?.node ?? value, read?.error);
}

/**
 * The repository policy: jsonencode(...) or JSON text (a heredoc, file()); an
 * aws_iam_policy_document's json, known only when evaluated, stays unknown and is not read.
 */
function repositoryPolicy(origin: ResourceOrigin, value: Node | undefined): Resource | undefined {
  if (!value || (value.kind === "scalar" && value.value === null)) return undefined;
  if (value.kind === "map") return makeRepositoryPolicy(origin, value);
  const read = readJsonValue(value);
  return read ? makeRepositoryPolicy(origin, read.node ?? value, read.error) : undefined;
}

/**
 * aws_ecs_cluster_capacity_providers holds a cluster's default capacity provider strategy; its
 * settings are on the aws_ecs_cluster, so here they are unknown (never "Container Insights off").
 */
function capacityProvidersAsCluster(origin: ResourceOrigin): ResourceOrigin {
  const node: MapNode = origin.node;
  const setting = unknown(node);
  node.entries.push(mapEntry("setting", node, setting));
  setting.parent = node;
  setting.key = "setting";
  return origin;
}

/** Whether a repository has an aws_ecr_lifecycle_policy in the module: by name, or by reference. */
function repositoriesWithPolicy(evaluated: EvaluatedResource[]) {
  const names = new Set<string>();
  const addresses = new Set<string>();
  for (const { type, origin, references } of evaluated) {
    if (type !== "aws_ecr_lifecycle_policy") continue;
    const name = literalString(new Obj(origin.node).get("repository"));
    if (name) names.add(name);
    for (const address of references.get("repository") ?? []) addresses.add(configAddress(address));
  }
  return (address: string, repository: Obj): boolean => {
    const name = literalString(repository.get("name"));
    return (name !== undefined && names.has(name)) || addresses.has(configAddress(address));
  };
}

/** `aws_ecs_service.web["blue"]` -> `["blue"]`; "" without one. */
function instanceKey(address: string): string {
  return /(\[[^\]]*\])$/.exec(address)?.[1] ?? "";
}
