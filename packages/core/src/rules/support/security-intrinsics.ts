import type { Node } from "../../document/node.js";
import { UNKNOWN_AFTER_APPLY } from "../../loaders/terraform-plan-values.js";
import { scalarString } from "../../model/obj.js";

/**
 * CloudFormation intrinsic functions as the security rules see them: `!Ref X` (`{"Ref": "X"}`),
 * `!GetAtt X.Arn` (`{"Fn::GetAtt": ["X", "Arn"]}`), `!Sub "..."`, and the rest.
 */
export interface Intrinsic {
  /** "Ref", "GetAtt", "Sub", "ImportValue", "Join", ... */
  name: string;
  /** What it points at, comparable across the short and the long form: "Ref:X", "GetAtt:X.Arn". */
  identity: string;
  /** For a person: "!Ref DbPassword", "!GetAtt Role.Arn", "a CloudFormation !Sub". Never a literal secret. */
  description: string;
  /** The template text of a !Sub, if literal. */
  subTemplate?: string;
}

export function intrinsicOf(node: Node | undefined): Intrinsic | undefined {
  if (!node) return undefined;
  // A Terraform value known only after apply (or not fixed by the configuration): unknown, not an intrinsic.
  if (node.kind === "tagged" && node.tag === UNKNOWN_AFTER_APPLY) return undefined;
  if (node.kind === "tagged") return describe(node.tag, node.value);
  if (node.kind === "map" && node.entries.length === 1) {
    const { key, value } = node.entries[0]!;
    if (key === "Ref") return describe("Ref", value);
    if (key.startsWith("Fn::")) return describe(key.slice(4), value);
  }
  return undefined;
}

function describe(name: string, argument: Node): Intrinsic {
  if (name === "Ref") {
    const target = scalarString(argument) ?? "?";
    return { name, identity: `Ref:${target}`, description: `!Ref ${target}` };
  }
  if (name === "GetAtt") {
    const target = getAttTarget(argument);
    return { name, identity: `GetAtt:${target}`, description: `!GetAtt ${target}` };
  }
  if (name === "Sub") {
    const template = scalarString(argument.kind === "seq" ? argument.items[0] : argument);
    const intrinsic: Intrinsic = { name, identity: `Sub:${template ?? "?"}`, description: "a CloudFormation !Sub" };
    if (template !== undefined) intrinsic.subTemplate = template;
    return intrinsic;
  }
  if (name === "ImportValue") {
    const exported = scalarString(argument);
    return {
      name,
      identity: `ImportValue:${exported ?? "?"}`,
      description: exported ? `!ImportValue ${exported}` : "a CloudFormation !ImportValue",
    };
  }
  return { name, identity: `${name}:${argument.start}`, description: `a CloudFormation !${name}` };
}

function getAttTarget(argument: Node): string {
  if (argument.kind === "seq") return argument.items.map((item) => scalarString(item) ?? "?").join(".");
  return scalarString(argument) ?? "?";
}
