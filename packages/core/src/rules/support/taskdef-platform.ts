import type { TaskDefinition } from "../../model/resources.js";

/** True when runtimePlatform.operatingSystemFamily names a Windows family (WINDOWS_SERVER_2022_CORE, ...). */
export function isWindowsTask(task: TaskDefinition | undefined): boolean {
  const family = task?.props.obj("runtimePlatform")?.str("operatingSystemFamily");
  return family?.toUpperCase().startsWith("WINDOWS") ?? false;
}
