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
  return {
    ...originFields(origin),
    props,
    kind: "task-definition",
    containers,
    compatibilities,
    usesFargate: compatibilities.includes("FARGATE"),
    networkMode: props.str("networkMode"),
  };
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
  };
}

export function makeResource<K extends "cluster" | "classic-load-balancer" | "scalable-target" | "scaling-policy">(
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

function originFields({ file, format, name, suppressed }: ResourceOrigin) {
  return { file, format, name, suppressed };
}

function taskDefinitionReference(node: Node | undefined): TaskDefinitionReference | undefined {
  if (!node) return undefined;
  const logicalId = refTarget(node);
  if (logicalId) return { node, logicalId };
  const text = scalarString(node);
  if (!text) return { node };
  // arn:aws:ecs:region:account:task-definition/family:revision, or family[:revision]
  const family = text.replace(/^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\//, "").replace(/:\d+$/, "");
  return { node, family };
}

/** The logical id of a CloudFormation `!Ref X` / `{"Ref": "X"}`, if the node is one. */
export function refTarget(node: Node): string | undefined {
  if (node.kind === "tagged" && node.tag === "Ref") return scalarString(node.value);
  if (node.kind === "map" && node.entries.length === 1 && node.entries[0]!.key === "Ref") return scalarString(node.entries[0]!.value);
  return undefined;
}
