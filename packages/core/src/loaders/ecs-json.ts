import { parseEmbeddedJson } from "../document/embedded.js";
import type { MapNode, Node } from "../document/node.js";
import { Obj } from "../model/obj.js";
import {
  makeEcrRepository,
  makeRepositoryPolicy,
  makeResource,
  makeService,
  makeTaskDefinition,
  type ResourceOrigin,
} from "../model/resources.js";
import type { DocumentReader } from "./reader.js";

const noSuppressions: ReadonlyMap<string, string> = new Map();

function origin(node: MapNode, file: string, name: string): ResourceOrigin {
  return { node, file, format: "ecs-json", name, suppressed: noSuppressions };
}

/** RegisterTaskDefinition input, or `aws ecs describe-task-definition` output. */
export const taskDefinitionJson: DocumentReader = {
  description: "ECS task definition",
  matches: (root) => {
    const props = new Obj(root);
    return props.get("containerDefinitions")?.kind === "seq" || props.get("taskDefinition")?.kind === "map";
  },
  read(root, file) {
    const wrapped = new Obj(root).get("taskDefinition");
    const node = wrapped?.kind === "map" ? wrapped : root;
    const family = new Obj(node).str("family") ?? file;
    return [makeTaskDefinition(origin(node, file, family))];
  },
};

/** CreateService / UpdateService input, or `aws ecs describe-services` output. */
export const serviceJson: DocumentReader = {
  description: "ECS service",
  matches: (root) => {
    const props = new Obj(root);
    if (props.get("services")?.kind === "seq") return true;
    return props.has("serviceName") || (props.str("service") !== undefined && props.has("cluster"));
  },
  read(root, file) {
    return each(root, "services").map((node) => {
      const props = new Obj(node);
      return makeService(origin(node, file, props.str("serviceName") ?? props.str("service") ?? file));
    });
  },
};

/** SetRepositoryPolicy input, or `aws ecr get-repository-policy` output: the policy is a JSON string in policyText. */
export const repositoryPolicyJson: DocumentReader = {
  description: "ECR repository policy",
  matches: (root) => new Obj(root).get("policyText")?.kind === "scalar",
  read(root, file) {
    const text = new Obj(root).get("policyText")!;
    const embedded = parseEmbeddedJson(text);
    if (!embedded) return [];
    const name = new Obj(root).str("repositoryName") ?? file;
    return [makeRepositoryPolicy(origin(root, file, name), embedded.node ?? text, embedded.error)];
  },
};

/** CreateRepository input, or `aws ecr describe-repositories` output. */
export const repositoryJson: DocumentReader = {
  description: "ECR repository settings",
  matches: (root) => new Obj(root).get("repositories")?.kind === "seq" || new Obj(root).has("repositoryName"),
  read(root, file) {
    return each(root, "repositories").map((node) =>
      makeEcrRepository(origin(node, file, new Obj(node).str("repositoryName") ?? file), false),
    );
  },
};

/** CreateCluster input, or `aws ecs describe-clusters` output. */
export const clusterJson: DocumentReader = {
  description: "ECS cluster",
  matches: (root) => new Obj(root).get("clusters")?.kind === "seq" || new Obj(root).has("clusterName"),
  read(root, file) {
    return each(root, "clusters").map((node) =>
      makeResource("cluster", origin(node, file, new Obj(node).str("clusterName") ?? file)),
    );
  },
};

/** The items of a describe-* wrapper list, or the root itself. */
function each(root: MapNode, wrapperKey: string): MapNode[] {
  const list: Node | undefined = new Obj(root).get(wrapperKey);
  if (list?.kind !== "seq") return [root];
  return list.items.filter((item): item is MapNode => item.kind === "map");
}
