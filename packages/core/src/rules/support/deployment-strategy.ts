import type { Node } from "../../document/node.js";
import { scalarNumber, scalarString } from "../../model/obj.js";
import { block, type Service, setting } from "../../model/resources.js";

export { block, setting };

/** A string setting: absent, written as a literal (upper-cased), or not a literal (unknown). */
export type LiteralSetting =
  | { state: "absent" }
  | { state: "unknown"; node: Node }
  | { state: "literal"; node: Node; value: string };

function literal(node: Node | undefined, container: Node | undefined): LiteralSetting {
  if (container && container.kind !== "map") return { state: "unknown", node: container };
  if (!node) return { state: "absent" };
  const value = scalarString(node);
  return value === undefined ? { state: "unknown", node } : { state: "literal", node, value: value.toUpperCase() };
}

/** deploymentConfiguration.strategy; absent means ROLLING. */
export function deploymentStrategy(service: Service): LiteralSetting {
  return literal(service.deployment.strategy, service.deployment.configuration);
}

/** deploymentController.type; absent means ECS. */
export function deploymentControllerType(service: Service): LiteralSetting {
  return literal(service.deployment.controllerType, service.deployment.controller);
}

/** The controller type node when it is a literal other than ECS (CODE_DEPLOY, EXTERNAL): what the ECS-native strategies and hooks cannot run under. */
export function nonEcsController(service: Service): { node: Node; value: string } | undefined {
  const controller = deploymentControllerType(service);
  return controller.state === "literal" && controller.value !== "ECS" ? controller : undefined;
}

/** A number setting's literal value; undefined when it is not a literal number. */
export function numberValue(node: Node | undefined): number | undefined {
  return scalarNumber(node);
}

/** The items of a list node (lifecycleHooks, loadBalancers); none when it is not a literal list. */
export function listItems(node: Node | undefined): Node[] {
  return node?.kind === "seq" ? node.items : [];
}

/**
 * Where to report something missing from a settings object: the key that holds it in its parent
 * (`"advancedConfiguration":`, a Terraform block's `"advanced_configuration":`), else the object.
 */
export function keyNodeOf(node: Node): Node {
  let value: Node = node;
  let parent = node.parent;
  // A Terraform block: the object is the first item of the list the key holds.
  if (parent?.kind === "seq" && value.kind === "map" && parent.items[0] === value && parent.parent?.kind === "map") {
    value = parent;
    parent = parent.parent;
  }
  if (parent?.kind !== "map") return node;
  return parent.entries.find((candidate) => candidate.value === value)?.keyNode ?? node;
}
