import { parseEmbeddedJson } from "../document/embedded.js";
import type { MapNode, Node } from "../document/node.js";
import { asObj, Obj, scalarString } from "../model/obj.js";
import {
  makeEcrRepository,
  makeLifecyclePolicy,
  makeRepositoryPolicy,
  makeResource,
  makeService,
  makeTaskDefinition,
  type Resource,
  type ResourceOrigin,
} from "../model/resources.js";
import type { DocumentReader } from "./reader.js";

/** CloudFormation templates, YAML or JSON, CDK synth output included. */
export const cloudFormationTemplate: DocumentReader = {
  description: "CloudFormation template",
  matches: (root) => {
    const template = new Obj(root);
    if (template.has("AWSTemplateFormatVersion")) return true;
    const resources = template.get("Resources");
    return resources?.kind === "map" && resources.entries.some(({ value }) => typeof asObj(value)?.str("Type") === "string");
  },
  read(root, file) {
    const resources = new Obj(root).get("Resources");
    if (resources?.kind !== "map") return [];
    const sensitiveInputs = noEchoParameters(new Obj(root).get("Parameters"));
    return resources.entries.flatMap(({ key: logicalId, value }) =>
      value.kind === "map" ? readResource(logicalId, value, file, sensitiveInputs) : [],
    );
  },
};

/** The parameters declared `NoEcho: true`: the template says their values are secrets. */
function noEchoParameters(parameters: Node | undefined): ReadonlySet<string> | undefined {
  if (parameters?.kind !== "map") return undefined;
  const names = parameters.entries.filter(({ value }) => asObj(value)?.bool("NoEcho") === true).map(({ key }) => key);
  return names.length ? new Set(names) : undefined;
}

function readResource(
  logicalId: string,
  resourceNode: MapNode,
  file: string,
  sensitiveInputs: ReadonlySet<string> | undefined,
): Resource[] {
  const resource = new Obj(resourceNode);
  const type = resource.str("Type");
  const properties = resource.get("Properties");
  const node: MapNode = properties?.kind === "map" ? properties : { ...resourceNode, entries: [] };
  const origin: ResourceOrigin = {
    node,
    file,
    format: "cloudformation",
    name: logicalId,
    suppressed: suppressions(resource.get("Metadata")),
    ...(sensitiveInputs ? { sensitiveInputs } : {}),
  };
  switch (type) {
    case "AWS::ECS::TaskDefinition":
      return [makeTaskDefinition(origin)];
    case "AWS::ECS::Service":
      return [makeService(origin)];
    case "AWS::ECS::Cluster":
      return [makeResource("cluster", origin)];
    case "AWS::ElasticLoadBalancingV2::TargetGroup":
      return [makeResource("target-group", origin)];
    case "AWS::ElasticLoadBalancing::LoadBalancer":
      return [makeResource("classic-load-balancer", origin)];
    case "AWS::ApplicationAutoScaling::ScalableTarget":
      return [makeResource("scalable-target", origin)];
    case "AWS::ApplicationAutoScaling::ScalingPolicy":
      return [makeResource("scaling-policy", origin)];
    case "AWS::ECR::Repository":
      return repositoryWithPolicy(origin);
    default:
      return [];
  }
}

function repositoryWithPolicy(origin: ResourceOrigin): Resource[] {
  const policyText: Node | undefined = new Obj(origin.node).obj("LifecyclePolicy")?.get("LifecyclePolicyText");
  const repository = makeEcrRepository(origin, policyText !== undefined);
  const resources: Resource[] = [repository, ...repositoryPolicy(origin)];
  if (!policyText) return resources;
  const embedded = parseEmbeddedJson(policyText);
  if (!embedded) return resources; // an intrinsic function: known only at deploy time
  return [...resources, makeLifecyclePolicy(origin, embedded.node ?? policyText, embedded.error)];
}

/** RepositoryPolicyText: a policy document written as an object, or as a JSON string. */
function repositoryPolicy(origin: ResourceOrigin): Resource[] {
  const text = new Obj(origin.node).get("RepositoryPolicyText");
  if (!text) return [];
  if (text.kind === "map" && !isIntrinsic(text)) return [makeRepositoryPolicy(origin, text)];
  const embedded = parseEmbeddedJson(text);
  if (!embedded) return []; // an intrinsic function: known only at deploy time
  return [makeRepositoryPolicy(origin, embedded.node ?? text, embedded.error)];
}

function isIntrinsic(node: MapNode): boolean {
  return node.entries.length === 1 && (node.entries[0]!.key === "Ref" || node.entries[0]!.key.startsWith("Fn::"));
}

const noSuppressions: ReadonlyMap<string, string> = new Map();

/** `Metadata: { shipshape: { ignore: [{ rule, reason }] } }` on a resource. */
function suppressions(metadata: Node | undefined): ReadonlyMap<string, string> {
  if (!metadata) return noSuppressions;
  const ignored = new Map<string, string>();
  for (const item of asObj(metadata)?.obj("shipshape")?.objs("ignore") ?? []) {
    const rule = item.str("rule");
    if (rule) ignored.set(rule, item.str("reason") ?? "");
  }
  for (const item of asObj(metadata)?.obj("shipshape")?.list("ignore") ?? []) {
    const rule = scalarString(item);
    if (rule) ignored.set(rule, "");
  }
  return ignored;
}
