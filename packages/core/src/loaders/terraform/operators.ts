import type { MapEntry, Node } from "../../document/node.js";
import { scalarString } from "../../model/obj.js";
import type { EvalContext } from "./evaluate.js";
import { isUnknown, map, mapEntry, scalar, seq, unknown } from "./located.js";
import type { HclExpression } from "./syntax.js";

/** Operators and for expressions, on known values; anything unknown in them makes the result unknown. */

export function unary(expression: Extract<HclExpression, { kind: "unary" }>, context: EvalContext): Node {
  const value = context.instance.evaluate(expression.operand, context);
  if (value.kind !== "scalar") return unknown(expression);
  if (expression.operator === "!" && typeof value.value === "boolean") return scalar(!value.value, expression);
  if (expression.operator === "-" && typeof value.value === "number") return scalar(-value.value, expression);
  return unknown(expression);
}

export function binary(expression: Extract<HclExpression, { kind: "binary" }>, context: EvalContext): Node {
  const { operator } = expression;
  const left = context.instance.evaluate(expression.left, context);
  const right = context.instance.evaluate(expression.right, context);
  const l = left.kind === "scalar" ? left.value : undefined;
  const r = right.kind === "scalar" ? right.value : undefined;
  // `false && unknown` is false, `true || unknown` is true.
  if (operator === "&&" && (l === false || r === false)) return scalar(false, expression);
  if (operator === "||" && (l === true || r === true)) return scalar(true, expression);
  if (operator === "==" || operator === "!=") {
    const equal = knownEqual(left, right);
    return equal === undefined ? unknown(expression) : scalar(operator === "==" ? equal : !equal, expression);
  }
  if (typeof l === "boolean" && typeof r === "boolean") {
    if (operator === "&&") return scalar(l && r, expression);
    if (operator === "||") return scalar(l || r, expression);
  }
  if (typeof l === "number" && typeof r === "number") {
    const result = arithmetic(operator, l, r);
    if (result !== undefined) return scalar(result, expression);
  }
  return unknown(expression);
}

function arithmetic(operator: string, l: number, r: number): number | boolean | undefined {
  switch (operator) {
    case "+":
      return l + r;
    case "-":
      return l - r;
    case "*":
      return l * r;
    case "/":
      return r === 0 ? undefined : l / r;
    case "%":
      return r === 0 ? undefined : l % r;
    case "<":
      return l < r;
    case "<=":
      return l <= r;
    case ">":
      return l > r;
    case ">=":
      return l >= r;
    default:
      return undefined;
  }
}

/** Whether two values are equal, when both are known: a null against a collection is known to differ. */
function knownEqual(left: Node, right: Node): boolean | undefined {
  if (isUnknown(left) || isUnknown(right)) return undefined;
  if (left.kind === "scalar" && right.kind === "scalar") return left.value === right.value;
  if (left.kind === "scalar" && left.value === null) return false;
  if (right.kind === "scalar" && right.value === null) return false;
  return undefined;
}

/** Items of one for expression or dynamic block; more are not expanded (the value is unknown). */
export const MAX_FOR_ITEMS = 1000;

export function forExpression(expression: Extract<HclExpression, { kind: "for" }>, context: EvalContext): Node {
  const collection = context.instance.evaluate(expression.collection, context);
  let items: [Node, Node][];
  if (collection.kind === "seq") items = collection.items.map((item, index) => [scalar(index, item), item]);
  else if (collection.kind === "map") items = collection.entries.map((item) => [scalar(item.key, item.keyNode), item.value]);
  else return unknown(expression);
  if (items.length > MAX_FOR_ITEMS) return unknown(expression);
  const entries: MapEntry[] = [];
  const values: Node[] = [];
  for (const [key, value] of items) {
    const scope = new Map(context.scope);
    if (expression.keyName) scope.set(expression.keyName, key);
    scope.set(expression.valueName, value);
    const inner: EvalContext = { ...context, scope };
    let maybe = false;
    if (expression.condition) {
      const keep = inner.instance.evaluate(expression.condition, inner);
      // Whether an item stays is unknown: a map keeps its key with an unknown value (present but not a literal).
      if (keep.kind !== "scalar" || typeof keep.value !== "boolean") {
        if (!expression.key) return unknown(expression);
        maybe = true;
      } else if (!keep.value) continue;
    }
    if (expression.key) {
      const name = scalarString(inner.instance.evaluate(expression.key, inner));
      if (name === undefined) return unknown(expression);
      entries.push(mapEntry(name, key, maybe ? unknown(expression.value) : inner.instance.evaluate(expression.value, inner)));
    } else values.push(inner.instance.evaluate(expression.value, inner));
  }
  return expression.key ? map(entries, expression) : seq(values, expression);
}
