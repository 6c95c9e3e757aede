import type { MapEntry, Node } from "../../document/node.js";
import { scalarString } from "../../model/obj.js";
import type { EvalContext } from "./evaluate.js";
import { isUnknown, map, mapEntry, scalar, seq } from "./located.js";
import type { HclExpression } from "./syntax.js";

/**
 * A value converted to a variable's type constraint the way Terraform does for object types: an
 * attribute the value leaves out is added, with its `optional(type, default)` default or null, so
 * `var.x.attr` is known where Terraform knows it.
 * https://developer.hashicorp.com/terraform/language/expressions/type-constraints#optional-object-type-attributes
 */
export function convertToType(value: Node, type: HclExpression, context: EvalContext): Node {
  if (isUnknown(value) || type.kind !== "call") return value;
  const [inner] = type.args;
  switch (type.name) {
    case "optional":
      return inner ? convertToType(value, inner, context) : value;
    case "map":
      if (!inner || value.kind !== "map") return value;
      return map(
        value.entries.map((item) => ({ ...item, value: convertToType(item.value, inner, context) })),
        value,
      );
    case "list":
    case "set":
      if (!inner || value.kind !== "seq") return value;
      return seq(
        value.items.map((item) => convertToType(item, inner, context)),
        value,
      );
    case "object":
      return inner?.kind === "object" && value.kind === "map" ? convertObject(value, inner, context) : value;
    default:
      return value;
  }
}

function convertObject(value: Extract<Node, { kind: "map" }>, type: Extract<HclExpression, { kind: "object" }>, context: EvalContext): Node {
  const entries: MapEntry[] = value.entries.map((item) => ({ ...item }));
  for (const attribute of type.items) {
    const name = attributeName(attribute.key);
    if (name === undefined) continue;
    const existing = entries.find((item) => item.key === name);
    const present = existing && !(existing.value.kind === "scalar" && existing.value.value === null);
    const attributeType = attribute.value;
    if (present) {
      existing.value = convertToType(existing.value, attributeType, context);
      continue;
    }
    const fallback =
      attributeType.kind === "call" && attributeType.name === "optional" && attributeType.args[1]
        ? convertToType(context.instance.evaluate(attributeType.args[1], context), attributeType.args[0]!, context)
        : scalar(null, existing?.value ?? value);
    if (existing) existing.value = fallback;
    else entries.push(mapEntry(name, value, fallback));
  }
  return map(entries, value);
}

/** `name = type`: the key is a bare word (read as a literal) or a quoted string. */
function attributeName(key: HclExpression): string | undefined {
  if (key.kind === "literal") return scalarString(scalar(key.value, key));
  if (key.kind === "template" && key.parts.length === 1 && "literal" in key.parts[0]!) return key.parts[0].literal;
  return undefined;
}
