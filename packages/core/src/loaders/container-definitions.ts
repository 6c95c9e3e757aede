import type { MapEntry, MapNode, SeqNode } from "../document/node.js";
import { Obj } from "../model/obj.js";
import { makeTaskDefinition, type Resource } from "../model/resources.js";
import { mapEntry, unknown } from "./terraform/located.js";

/**
 * The task-level fields the rules read. In a bare container list they belong to a task
 * definition written elsewhere (the Terraform resource whose file() reads the list), so they are
 * unknown here: present but not literal, never a violation.
 */
const taskFields = [
  "family",
  "cpu",
  "memory",
  "networkMode",
  "requiresCompatibilities",
  "executionRoleArn",
  "taskRoleArn",
  "placementConstraints",
  "runtimePlatform",
  "volumes",
  "pidMode",
  "ipcMode",
  "ephemeralStorage",
];

/**
 * A bare container-definitions array, the file Terraform's `file("containers.json")` reads into
 * an aws_ecs_task_definition's container_definitions: the containers of a task definition whose
 * other fields are unknown.
 */
export const containerDefinitionsArray = {
  description: "ECS container definitions",
  matches(root: SeqNode): boolean {
    if (root.items.length === 0) return false;
    return root.items.every((item) => {
      if (item.kind !== "map") return false;
      const container = new Obj(item);
      return container.has("name") && container.has("image");
    });
  },
  read(root: SeqNode, file: string): Resource[] {
    const at = { start: root.start, end: root.start };
    const entries: MapEntry[] = taskFields.map((field) => mapEntry(field, at, unknown(at)));
    const task: MapNode = { kind: "map", entries, start: root.start, end: root.end };
    for (const item of entries) {
      item.value.parent = task;
      item.value.key = item.key;
    }
    return [makeTaskDefinition({ node: task, file, format: "ecs-json", name: file, suppressed: new Map() }, root)];
  },
};
