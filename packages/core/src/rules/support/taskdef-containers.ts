import type { Container } from "../../model/resources.js";

/** ECS treats a container as essential unless `essential` is false; undefined when not a literal. */
export function isEssential(container: Container): boolean | undefined {
  if (!container.props.has("essential")) return true;
  return container.props.bool("essential");
}
