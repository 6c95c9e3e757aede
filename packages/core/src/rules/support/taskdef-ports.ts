import type { Node } from "../../document/node.js";
import { type Obj, scalarNumber, scalarString } from "../../model/obj.js";
import type { Container, TaskDefinition } from "../../model/resources.js";

/** One entry of a container's portMappings, with its literal values (undefined when not a literal). */
export interface PortMapping {
  container: Container;
  index: number;
  props: Obj;
  containerPort: number | undefined;
  hostPort: number | undefined;
  /** Lower-cased; ECS's default is "tcp". Undefined when not a literal. */
  protocol: string | undefined;
  containerPortNode: Node | undefined;
  hostPortNode: Node | undefined;
}

export function portMappings(container: Container): PortMapping[] {
  return container.props.objs("portMappings").map((props, index) => {
    const protocolNode = props.get("protocol");
    const containerPortNode = props.get("containerPort");
    const hostPortNode = props.get("hostPort");
    return {
      container,
      index,
      props,
      containerPort: scalarNumber(containerPortNode),
      hostPort: scalarNumber(hostPortNode),
      protocol: protocolNode === undefined ? "tcp" : scalarString(protocolNode)?.toLowerCase(),
      containerPortNode,
      hostPortNode,
    };
  });
}

/**
 * The task's network mode as far as it is known: Fargate supports only awsvpc, so a Fargate task
 * is treated as awsvpc whatever it says; an absent mode is ECS's default, bridge; undefined when
 * the mode is not a literal.
 */
export function effectiveNetworkMode(task: TaskDefinition): string | undefined {
  if (task.usesFargate) return "awsvpc";
  if (!task.props.has("networkMode")) return "bridge";
  return task.networkMode?.toLowerCase();
}
