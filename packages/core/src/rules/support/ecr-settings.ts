import type { MapNode, Node } from "../../document/node.js";
import { Obj, scalarString } from "../../model/obj.js";
import type { SourceFormat } from "../../model/resources.js";

/**
 * A repository setting that is an object: a map in ECS JSON and CloudFormation, a one-item list
 * of blocks in a Terraform plan (`image_scanning_configuration: [{scan_on_push: true}]`).
 */
export type EcrSettingBlock =
  | { state: "absent" }
  /** An intrinsic function or anything else that is not a literal block: known only at deploy time. */
  | { state: "unknown" }
  | { state: "present"; node: MapNode; settings: Obj };

export function ecrSettingBlock(props: Obj, key: string): EcrSettingBlock {
  const node = props.get(key);
  if (node === undefined || (node.kind === "scalar" && node.value === null)) return { state: "absent" };
  if (node.kind === "map") return { state: "present", node, settings: new Obj(node) };
  if (node.kind === "seq") {
    if (node.items.length === 0) return { state: "absent" };
    const [first] = node.items;
    if (node.items.length === 1 && first?.kind === "map")
      return { state: "present", node: first, settings: new Obj(first) };
  }
  return { state: "unknown" };
}

/** A string setting: absent (or null / empty), a literal, or unknown until deploy (an intrinsic). */
export type EcrSettingValue =
  | { state: "absent" }
  | { state: "unknown" }
  | { state: "literal"; node: Node; value: string };

export function ecrSettingValue(props: Obj, ...keys: string[]): EcrSettingValue {
  for (const key of keys) {
    const node = props.get(key);
    if (node === undefined || (node.kind === "scalar" && (node.value === null || node.value === ""))) continue;
    const value = scalarString(node);
    return value === undefined ? { state: "unknown" } : { state: "literal", node, value };
  }
  return { state: "absent" };
}

/**
 * A property path as the user's format spells it: `imageScanningConfiguration.scanOnPush` in ECS
 * JSON, `ImageScanningConfiguration.ScanOnPush` in CloudFormation, `image_scanning_configuration.scan_on_push`
 * in Terraform.
 */
export function ecrPropertyName(format: SourceFormat, camelPath: string): string {
  return camelPath
    .split(".")
    .map((part) => {
      if (format === "cloudformation") return part.charAt(0).toUpperCase() + part.slice(1);
      if (format === "terraform") return part.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
      return part;
    })
    .join(".");
}
