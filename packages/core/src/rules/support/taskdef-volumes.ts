import type { Obj } from "../../model/obj.js";
import type { TaskDefinition } from "../../model/resources.js";

/** The task's volumes: `volumes` in ECS JSON and CloudFormation, the `volume` blocks in Terraform. */
export function taskVolumes(task: TaskDefinition): Obj[] {
  return [...task.props.objs("volumes"), ...task.props.objs("volume")];
}

/** A nested block that is really there: Terraform plans write absent blocks as [] or null. */
export function presentBlock(volume: Obj, key: string): Obj | undefined {
  return volume.objs(key)[0];
}
