import { parseEmbeddedJson } from "../document/embedded.js";
import { entry, type Node } from "../document/node.js";
import { Obj } from "../model/obj.js";
import {
  makeEcrRepository,
  makeLifecyclePolicy,
  makeRepositoryPolicy,
  makeResource,
  makeService,
  makeTaskDefinition,
  type Resource,
  type ResourceOrigin,
  type Service,
  type TaskDefinition,
} from "../model/resources.js";
import type { DocumentReader } from "./reader.js";
import {
  configAddress,
  configuredArguments,
  configurationReferences,
  literalString,
  type PlannedResource,
  plannedResources,
  UNKNOWN_AFTER_APPLY,
} from "./terraform-plan-values.js";

/**
 * A Terraform plan (`terraform show -json plan.out`), or a state (`terraform show -json`).
 *
 * Each managed resource of a type below becomes one resource named by its address, with its
 * `values` as props. Rules read Terraform's snake_case names through Obj, and these Terraform
 * shapes themselves, so the reader leaves them as they are:
 * - a nested block is a list of one object (`network_configuration: [{...}]`; `[]` when absent):
 *   Obj.objs and the rules' block helpers take a one-item list for the object;
 * - aws_ecs_service's network_configuration block holds the awsvpc settings itself (subnets,
 *   security_groups, assign_public_ip as a boolean), where ECS nests them in
 *   networkConfiguration.awsvpcConfiguration with assignPublicIp ENABLED/DISABLED: the rules'
 *   serviceNetworking helper and service-assigns-public-ip handle both;
 * - a load_balancer block's elb_name is ECS's loadBalancerName (a Classic Load Balancer):
 *   no-classic-load-balancer reads both, and ignores the null or "" of a target-group block;
 * - the deployment percents and deployment_circuit_breaker are top-level arguments of
 *   aws_ecs_service; a task definition's volume blocks are ECS's volumes (host_path is
 *   host.sourcePath); an ECS cluster's setting blocks are its settings.
 * What the reader maps itself:
 * - container_definitions and an aws_ecr_lifecycle_policy's policy are JSON strings: parsed, with
 *   every node re-anchored at the string, so findings land on its line and their paths name the
 *   container and the field (`...values.container_definitions[0].environment[1]`), and rules see
 *   ECS's camelCase container definitions;
 * - values known only after apply become unknown nodes (see UNKNOWN_AFTER_APPLY);
 * - a service's task_definition (unknown in a plan that also registers the task definition) is
 *   linked to the task definition its configuration references;
 * - a repository has a lifecycle policy when an aws_ecr_lifecycle_policy of the same file names it.
 * aws_lb is an Application, Network or Gateway Load Balancer, so it is not read.
 */
export const terraformPlan: DocumentReader = {
  description: "Terraform plan",
  matches: (root) => {
    const plan = new Obj(root);
    if (plan.str("format_version") === undefined) return false;
    return (
      plan.has("planned_values") || plan.has("resource_changes") || plan.obj("values")?.has("root_module") === true
    );
  },
  read(root, file) {
    const plan = new Obj(root);
    const references = configurationReferences(plan);
    const planned = plannedResources(plan);
    const withPolicy = repositoriesWithPolicy(planned, references);
    forgetUnwrittenSettings(planned, configuredArguments(plan));
    const resources = planned.flatMap((resource) => {
      const origin: ResourceOrigin = {
        node: resource.values,
        file,
        format: "terraform",
        name: resource.address,
        suppressed: noSuppressions,
      };
      return readResource(resource.type, origin, withPolicy);
    });
    const taskDefinitions = byConfigAddress(
      resources.filter((resource): resource is TaskDefinition => resource.kind === "task-definition"),
    );
    for (const resource of resources)
      if (resource.kind === "service") {
        linkTaskDefinition(resource, taskDefinitions, references);
        nameTargetGroup(resource, resources, references);
      }
    return resources;
  },
};

const noSuppressions: ReadonlyMap<string, string> = new Map();

/**
 * The provider computes an aws_ecs_cluster's `setting` (the account default applies), so a plan
 * leaves it known after apply; when the configuration writes no setting block, the cluster has
 * none of its own, as checkov (CKV_AWS_65) and trivy (AVD-AWS-0034) read it.
 */
function forgetUnwrittenSettings(planned: PlannedResource[], configured: Map<string, Set<string>>): void {
  for (const resource of planned) {
    if (resource.type !== "aws_ecs_cluster") continue;
    const written = configured.get(configAddress(resource.address));
    const setting = entry(resource.values, "setting");
    if (!written || written.has("setting") || setting?.kind !== "tagged" || setting.tag !== UNKNOWN_AFTER_APPLY) continue;
    resource.values.entries = resource.values.entries.filter((item) => item.value !== setting);
  }
}

function readResource(
  type: string,
  origin: ResourceOrigin,
  withPolicy: (repository: Obj, address: string) => boolean,
): Resource[] {
  const values = new Obj(origin.node);
  switch (type) {
    case "aws_ecs_task_definition":
      return [makeTaskDefinition(origin, embeddedJson(values.get("container_definitions")))];
    case "aws_ecs_service":
      return [makeService(origin)];
    case "aws_ecs_cluster":
      return [makeResource("cluster", origin)];
    case "aws_ecr_repository":
      return [makeEcrRepository(origin, withPolicy(values, origin.name))];
    case "aws_ecr_lifecycle_policy":
      return lifecyclePolicy(origin, values.get("policy"));
    case "aws_ecr_repository_policy":
      return repositoryPolicy(origin, values.get("policy"));
    case "aws_lb_target_group":
    case "aws_alb_target_group":
      return [makeResource("target-group", origin)];
    case "aws_elb":
      return [makeResource("classic-load-balancer", origin)];
    case "aws_appautoscaling_target":
      return [makeResource("scalable-target", origin)];
    case "aws_appautoscaling_policy":
      return [makeResource("scaling-policy", origin)];
    default:
      return [];
  }
}

/**
 * The parsed JSON of a string value; undefined for an unknown value, and for text that is not
 * JSON (which `terraform plan` itself refuses for container_definitions).
 */
function embeddedJson(host: Node | undefined): Node | undefined {
  return host ? parseEmbeddedJson(host)?.node : undefined;
}

/** The policy text parsed; an unknown policy stays an unknown node, which the rules leave alone. */
function lifecyclePolicy(origin: ResourceOrigin, text: Node | undefined): Resource[] {
  if (!text || (text.kind === "scalar" && text.value === null)) return [];
  const embedded = parseEmbeddedJson(text);
  return [makeLifecyclePolicy(origin, embedded?.node ?? text, embedded?.error)];
}

/** The policy document parsed; an unknown policy (known after apply) is no resource. */
function repositoryPolicy(origin: ResourceOrigin, text: Node | undefined): Resource[] {
  if (!text) return [];
  const embedded = parseEmbeddedJson(text);
  if (!embedded) return [];
  return [makeRepositoryPolicy(origin, embedded.node ?? text, embedded.error)];
}

/**
 * Names the target group of a service with one load_balancer block: the aws_lb_target_group its
 * target_group_arn references in the configuration (the ARN itself is unknown until apply).
 * Blocks of a set have no stable order, so a service with several blocks is left unnamed.
 */
function nameTargetGroup(service: Service, resources: Resource[], references: Map<string, string[]>): void {
  const [target, ...others] = service.loadBalancerTargets;
  if (!target || others.length > 0 || target.targetGroupName !== undefined) return;
  const targets = references.get(`${configAddress(service.name)} load_balancer.target_group_arn`) ?? [];
  const candidates = resources.filter((resource) => resource.kind === "target-group" && targets.includes(configAddress(resource.name)));
  const chosen =
    candidates.length === 1 ? candidates[0] : candidates.find((group) => instanceKey(group.name) === instanceKey(service.name));
  if (chosen) target.targetGroupName = chosen.name;
}

/**
 * Whether an aws_ecr_lifecycle_policy of the plan is for a repository: its `repository` value
 * is the repository's name, or its configuration references the repository resource.
 */
function repositoriesWithPolicy(planned: PlannedResource[], references: Map<string, string[]>) {
  const names = new Set<string>();
  const addresses = new Set<string>();
  for (const resource of planned) {
    if (resource.type !== "aws_ecr_lifecycle_policy") continue;
    const name = literalString(new Obj(resource.values).get("repository"));
    if (name) names.add(name);
    for (const address of references.get(`${configAddress(resource.address)} repository`) ?? []) addresses.add(address);
  }
  return (repository: Obj, address: string): boolean => {
    const name = literalString(repository.get("name"));
    return (name !== undefined && names.has(name)) || addresses.has(configAddress(address));
  };
}

/** The plan's task definitions, each with its place in the plan, by address in the configuration. */
interface TaskDefinitionIndex {
  byAddress: Map<string, TaskDefinition[]>;
  order: Map<TaskDefinition, number>;
}

function byConfigAddress(taskDefinitions: TaskDefinition[]): TaskDefinitionIndex {
  const byAddress = new Map<string, TaskDefinition[]>();
  const order = new Map<TaskDefinition, number>();
  taskDefinitions.forEach((task, index) => {
    order.set(task, index);
    const address = configAddress(task.name);
    const same = byAddress.get(address);
    if (same) same.push(task);
    else byAddress.set(address, [task]);
  });
  return { byAddress, order };
}

/**
 * Links a service to the task definition its task_definition argument references in the
 * configuration, when that task definition is in the plan: the one, or the instance with the
 * service's own index (`count` / `for_each` on both). Looked up by address, so a plan of N
 * services and N task definitions links in linear time.
 */
function linkTaskDefinition(
  service: Service,
  taskDefinitions: TaskDefinitionIndex,
  references: Map<string, string[]>,
): void {
  const targets = references.get(`${configAddress(service.name)} task_definition`) ?? [];
  const candidates: TaskDefinition[] = [];
  for (const address of targets) for (const task of taskDefinitions.byAddress.get(address) ?? []) candidates.push(task);
  const { order } = taskDefinitions;
  if (targets.length > 1) candidates.sort((a, b) => order.get(a)! - order.get(b)!);
  const target =
    candidates.length === 1
      ? candidates[0]
      : candidates.find((task) => instanceKey(task.name) === instanceKey(service.name));
  if (!target) return;
  const node = service.props.get("task_definition") ?? service.props.node;
  service.taskDefinitionReference = { ...service.taskDefinitionReference, node, logicalId: target.name };
}

/** `aws_ecs_service.web["blue"]` -> `["blue"]`; "" without an index. */
function instanceKey(address: string): string {
  return /(\[[^\]]*\])$/.exec(address)?.[1] ?? "";
}
