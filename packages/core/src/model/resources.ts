import type { MapNode, Node } from "../document/node.js";
import { Obj, scalarString } from "./obj.js";

/** Where a resource was written. Terraform plans hold the ECS JSON of a task definition as a string. */
export type SourceFormat = "ecs-json" | "cloudformation" | "terraform";

interface ResourceBase {
  file: string;
  format: SourceFormat;
  /** What a person calls it: the family, the service name, the CloudFormation logical id, the Terraform address. */
  name: string;
  /** The resource's properties (CloudFormation `Properties`, the ECS API input, a plan's `values`). */
  props: Obj;
  /** Rules this resource opts out of (CloudFormation `Metadata: shipshape: ignore`), id -> reason. */
  suppressed: ReadonlyMap<string, string>;
  /**
   * The document's inputs declared secret, which a reference to carries a secret: CloudFormation
   * parameters with `NoEcho: true`. Absent where the format has none.
   */
  sensitiveInputs?: ReadonlySet<string>;
}

export interface Container {
  name: string;
  index: number;
  props: Obj;
}

export interface TaskDefinition extends ResourceBase {
  kind: "task-definition";
  containers: Container[];
  /** requiresCompatibilities, upper-cased literals only */
  compatibilities: string[];
  usesFargate: boolean;
  /** The literal network mode, when it is one; ECS's default is "bridge" on EC2 and Fargate has only awsvpc. */
  networkMode: string | undefined;
}

/** How a service names its task definition: a CloudFormation logical id, or a family[:revision] / ARN. */
export interface TaskDefinitionReference {
  node: Node;
  logicalId?: string;
  family?: string;
}

export interface Service extends ResourceBase {
  kind: "service";
  launchType: string | undefined;
  capacityProviders: string[];
  taskDefinitionReference: TaskDefinitionReference | undefined;
  /** Filled in by the linter when the reference resolves inside the files being linted. */
  taskDefinition?: TaskDefinition;
  /** The deployment controller and strategy settings, alike from every format. */
  deployment: ServiceDeployment;
  /** The service's loadBalancers items (LoadBalancers, Terraform load_balancer blocks) that name a target group. */
  loadBalancerTargets: LoadBalancerTarget[];
}

/** One loadBalancers item of a service that sends traffic to an ALB/NLB target group. */
export interface LoadBalancerTarget {
  /** The item itself. */
  node: Node;
  /** containerName and containerPort, when literals. */
  containerName?: string;
  containerPort?: number;
  /** targetGroupArn as written. */
  targetGroupArn: Node;
  /**
   * The target group's name in the same document: the logical id of a CloudFormation `!Ref` /
   * `!GetAtt X.TargetGroupArn`, or the Terraform address the configuration references.
   */
  targetGroupName?: string;
  /** Filled in by the linter when the target group is in the same document (by name or by its literal ARN). */
  targetGroup?: TargetGroup;
}

/** An ALB/NLB target group (AWS::ElasticLoadBalancingV2::TargetGroup, aws_lb_target_group / aws_alb_target_group). */
export interface TargetGroup extends ResourceBase {
  kind: "target-group";
}

/**
 * A service's deployment settings, one node per setting as written, whatever the format:
 * ECS JSON (camelCase), CloudFormation (PascalCase) and Terraform (snake_case, blocks as lists of
 * one object, unset values as null, "" or []). A field is undefined when the setting is absent; a
 * node that is not a literal (an intrinsic, a value known only after apply) is kept as it is, and
 * rules treat it as unknown. Block fields hold the block's object (a map node) when it is one.
 *
 * Where each comes from (ECS API / CloudFormation / terraform aws_ecs_service):
 * - controllerType: deploymentController.type / DeploymentController.Type / deployment_controller[0].type
 * - configuration: deploymentConfiguration / DeploymentConfiguration / deployment_configuration[0]
 * - strategy, bakeTimeInMinutes, canaryConfiguration, linearConfiguration: inside it
 *   (strategy, bake_time_in_minutes, canary_configuration[0], linear_configuration[0])
 * - lifecycleHooks: its lifecycleHooks / LifecycleHooks / lifecycle_hook blocks
 * - loadBalancers: loadBalancers / LoadBalancers / load_balancer blocks (each may hold
 *   advancedConfiguration / AdvancedConfiguration / advanced_configuration[0])
 */
export interface ServiceDeployment {
  controller: Node | undefined;
  controllerType: Node | undefined;
  configuration: Node | undefined;
  strategy: Node | undefined;
  bakeTimeInMinutes: Node | undefined;
  canaryConfiguration: Node | undefined;
  linearConfiguration: Node | undefined;
  /** The list node; undefined when absent (or an empty Terraform block list). */
  lifecycleHooks: Node | undefined;
  /** The list node; undefined when absent (or an empty Terraform block list). */
  loadBalancers: Node | undefined;
}

export interface Cluster extends ResourceBase {
  kind: "cluster";
}

export interface EcrRepository extends ResourceBase {
  kind: "ecr-repository";
  /** True when the same document gives this repository a lifecycle policy. */
  hasLifecyclePolicy: boolean;
}

export interface LifecyclePolicyResource extends ResourceBase {
  kind: "lifecycle-policy";
  /** The policy document's root (for an embedded policy text, re-anchored at the string). */
  policy: Node;
  /** Why an embedded policy text could not be read as JSON. */
  parseError?: string;
}

/**
 * An ECR repository policy: CloudFormation AWS::ECR::Repository RepositoryPolicyText, Terraform
 * aws_ecr_repository_policy's policy, or SetRepositoryPolicy / GetRepositoryPolicy JSON (policyText).
 */
export interface RepositoryPolicyResource extends ResourceBase {
  kind: "repository-policy";
  /** The IAM policy document's root (for a policy held in a string, parsed and re-anchored at the string). */
  policy: Node;
  /** Why a policy text could not be read as JSON. */
  parseError?: string;
}

export interface ClassicLoadBalancer extends ResourceBase {
  kind: "classic-load-balancer";
}

export interface ScalableTarget extends ResourceBase {
  kind: "scalable-target";
}

export interface ScalingPolicy extends ResourceBase {
  kind: "scaling-policy";
}

export type Resource =
  | TaskDefinition
  | Service
  | Cluster
  | EcrRepository
  | LifecyclePolicyResource
  | RepositoryPolicyResource
  | TargetGroup
  | ClassicLoadBalancer
  | ScalableTarget
  | ScalingPolicy;

export type ResourceKind = Resource["kind"];

export type ResourceOrigin = Omit<ResourceBase, "props"> & { node: MapNode };

export function makeTaskDefinition(origin: ResourceOrigin, containerDefinitions?: Node): TaskDefinition {
  const props = new Obj(origin.node);
  const definitions = containerDefinitions ?? props.get("containerDefinitions");
  const containers: Container[] = [];
  if (definitions?.kind === "seq")
    definitions.items.forEach((node, index) => {
      if (node.kind !== "map") return;
      const containerProps = new Obj(node);
      // A name from an intrinsic or a variable: the resource and the container's place in it.
      containers.push({ index, props: containerProps, name: containerProps.str("name") ?? `${origin.name}.containers[${index}]` });
    });
  const compatibilities = props.strings("requiresCompatibilities").map((value) => value.toUpperCase());
  // Written out rather than spread from originFields: a spread literal here cost more than reading the task.
  const { file, format, name, suppressed, sensitiveInputs } = origin;
  const task: TaskDefinition = {
    file,
    format,
    name,
    suppressed,
    props,
    kind: "task-definition",
    containers,
    compatibilities,
    usesFargate: compatibilities.includes("FARGATE"),
    networkMode: props.str("networkMode"),
  };
  if (sensitiveInputs) task.sensitiveInputs = sensitiveInputs;
  return task;
}

export function makeService(origin: ResourceOrigin): Service {
  const props = new Obj(origin.node);
  const capacityProviders = props
    .objs("capacityProviderStrategy")
    .flatMap((item) => item.str("capacityProvider") ?? []);
  return {
    ...originFields(origin),
    props,
    kind: "service",
    launchType: props.str("launchType")?.toUpperCase(),
    capacityProviders,
    taskDefinitionReference: taskDefinitionReference(props.get("taskDefinition")),
    deployment: serviceDeployment(props),
    loadBalancerTargets: loadBalancerTargets(props),
  };
}

function serviceDeployment(props: Obj): ServiceDeployment {
  const controller = block(props.get("deploymentController"));
  const configuration = block(props.get("deploymentConfiguration"));
  const settings = configuration?.kind === "map" ? new Obj(configuration) : undefined;
  return {
    controller,
    controllerType: controller?.kind === "map" ? setting(new Obj(controller).get("type")) : undefined,
    configuration,
    strategy: setting(settings?.get("strategy")),
    bakeTimeInMinutes: setting(settings?.get("bakeTimeInMinutes")),
    canaryConfiguration: block(settings?.get("canaryConfiguration")),
    linearConfiguration: block(settings?.get("linearConfiguration")),
    lifecycleHooks: list(settings?.get("lifecycleHooks") ?? settings?.get("lifecycleHook")),
    loadBalancers: list(props.get("loadBalancers") ?? props.get("loadBalancer")),
  };
}

/** A value that is set: not absent, not null, not Terraform's "" for an unset string or number. */
export function setting(node: Node | undefined): Node | undefined {
  if (!node || (node.kind === "scalar" && (node.value === null || node.value === ""))) return undefined;
  return node;
}

/** A settings object: a map, or Terraform's block (a list of one map; [] when absent). */
export function block(node: Node | undefined): Node | undefined {
  const value = setting(node);
  if (value?.kind !== "seq") return value;
  const first = value.items[0];
  return first ? (first.kind === "map" ? first : value) : undefined;
}

function list(node: Node | undefined): Node | undefined {
  const value = setting(node);
  return value?.kind === "seq" && value.items.length === 0 ? undefined : value;
}

function loadBalancerTargets(props: Obj): LoadBalancerTarget[] {
  // ECS JSON and CloudFormation: loadBalancers / LoadBalancers; Terraform: load_balancer blocks.
  const targets: LoadBalancerTarget[] = [];
  for (const item of [...props.objs("loadBalancers"), ...props.objs("loadBalancer")]) {
    const targetGroupArn = item.get("targetGroupArn");
    if (!targetGroupArn || (targetGroupArn.kind === "scalar" && (targetGroupArn.value === null || targetGroupArn.value === "")))
      continue;
    const target: LoadBalancerTarget = { node: item.node, targetGroupArn };
    const containerName = item.str("containerName");
    const containerPort = item.num("containerPort");
    const targetGroupName = logicalIdOf(targetGroupArn);
    if (containerName !== undefined) target.containerName = containerName;
    if (containerPort !== undefined) target.containerPort = containerPort;
    if (targetGroupName !== undefined) target.targetGroupName = targetGroupName;
    targets.push(target);
  }
  return targets;
}

export function makeResource<
  K extends "cluster" | "classic-load-balancer" | "scalable-target" | "scaling-policy" | "target-group",
>(
  kind: K,
  origin: ResourceOrigin,
): Extract<Resource, { kind: K }> {
  return { ...originFields(origin), props: new Obj(origin.node), kind } as Extract<Resource, { kind: K }>;
}

export function makeEcrRepository(origin: ResourceOrigin, hasLifecyclePolicy: boolean): EcrRepository {
  return { ...originFields(origin), props: new Obj(origin.node), kind: "ecr-repository", hasLifecyclePolicy };
}

export function makeLifecyclePolicy(origin: ResourceOrigin, policy: Node, parseError?: string): LifecyclePolicyResource {
  const resource: LifecyclePolicyResource = { ...originFields(origin), props: new Obj(origin.node), kind: "lifecycle-policy", policy };
  if (parseError) resource.parseError = parseError;
  return resource;
}

export function makeRepositoryPolicy(origin: ResourceOrigin, policy: Node, parseError?: string): RepositoryPolicyResource {
  const resource: RepositoryPolicyResource = { ...originFields(origin), props: new Obj(origin.node), kind: "repository-policy", policy };
  if (parseError) resource.parseError = parseError;
  return resource;
}

function originFields({ file, format, name, suppressed, sensitiveInputs }: ResourceOrigin) {
  return sensitiveInputs ? { file, format, name, suppressed, sensitiveInputs } : { file, format, name, suppressed };
}

function taskDefinitionReference(node: Node | undefined): TaskDefinitionReference | undefined {
  if (!node) return undefined;
  // `!Ref X` and `!GetAtt X.TaskDefinitionArn` both give the task definition's ARN
  const logicalId = logicalIdOf(node);
  if (logicalId) return { node, logicalId };
  const text = scalarString(node);
  if (!text) return { node };
  // arn:aws:ecs:region:account:task-definition/family:revision, or family[:revision]
  const family = text.replace(/^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\//, "").replace(/:\d+$/, "");
  return { node, family };
}

/** The logical id of a CloudFormation `!Ref X` or `!GetAtt X.Attribute` (either form), if the node is one. */
export function logicalIdOf(node: Node): string | undefined {
  const ref = refTarget(node);
  if (ref !== undefined) return ref;
  let argument: Node | undefined;
  if (node.kind === "tagged" && node.tag === "GetAtt") argument = node.value;
  else if (node.kind === "map" && node.entries.length === 1 && node.entries[0]!.key === "Fn::GetAtt") argument = node.entries[0]!.value;
  if (!argument) return undefined;
  const first = argument.kind === "seq" ? scalarString(argument.items[0]) : scalarString(argument)?.split(".")[0];
  return first || undefined;
}

/** The logical id of a CloudFormation `!Ref X` / `{"Ref": "X"}`, if the node is one. */
export function refTarget(node: Node): string | undefined {
  if (node.kind === "tagged" && node.tag === "Ref") return scalarString(node.value);
  if (node.kind === "map" && node.entries.length === 1 && node.entries[0]!.key === "Ref") return scalarString(node.entries[0]!.value);
  return undefined;
}
