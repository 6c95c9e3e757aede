import type { MapEntry, Node, SeqNode } from "../../document/node.js";
import { scalarString } from "../../model/obj.js";
import type { EvalContext } from "./evaluate.js";
import { copy, isUnknown, map, type Range, scalar, seq, unknown } from "./located.js";
import { join } from "./paths.js";
import type { HclExpression } from "./syntax.js";
import { markEncoded, readJsonValue, type TextWithHoles, withText } from "./text-with-holes.js";

type Call = Extract<HclExpression, { kind: "call" }>;

/**
 * The functions whose result the loader works out: the ones that bring container definitions and
 * policies in. Every other call is unknown (its arguments still evaluated, for the references).
 */
export function callFunction(call: Call, context: EvalContext): Node {
  const args = call.args.map((arg) => context.instance.evaluate(arg, context));
  switch (call.name) {
    case "jsonencode":
      // The value itself: a JSON string in Terraform, read back as JSON by whatever takes it.
      return args.length === 1 ? markEncoded(args[0]!) : unknown(call);
    case "jsondecode":
      return (args.length === 1 ? readJsonValue(args[0]!)?.node : undefined) ?? unknown(call);
    case "merge":
      return merge(args, call);
    case "concat":
      return args.every((arg) => arg.kind === "seq") ? seq(args.flatMap((arg) => (arg as SeqNode).items.map(copy)), call) : unknown(call);
    case "coalesce":
      return coalesce(args, call);
    case "try":
      // What Terraform would catch we cannot tell from what we do not evaluate: only a known first value.
      return args[0] && !isUnknown(args[0]) ? args[0] : unknown(call);
    case "lookup": {
      const [table, key, fallback] = args;
      const name = key ? scalarString(key) : undefined;
      if (table?.kind !== "map" || name === undefined) return unknown(call);
      return table.entries.find((item) => item.key === name)?.value ?? fallback ?? unknown(call);
    }
    case "length":
      if (args[0]?.kind === "seq") return scalar(args[0].items.length, call);
      if (args[0]?.kind === "map") return scalar(args[0].entries.length, call);
      if (args[0]?.kind === "scalar" && typeof args[0].value === "string") return scalar([...args[0].value].length, call);
      return unknown(call);
    case "contains": {
      const [list, wanted] = args;
      if (list?.kind !== "seq" || wanted?.kind !== "scalar" || list.items.some((item) => item.kind !== "scalar")) return unknown(call);
      return scalar(list.items.some((item) => (item as { value: unknown }).value === wanted.value), call);
    }
    case "tostring":
    case "tonumber":
    case "tobool":
    case "tolist":
    case "toset":
    case "tomap":
    case "sensitive":
    case "nonsensitive":
      return args.length === 1 ? args[0]! : unknown(call);
    case "lower":
    case "upper": {
      const text = args[0] ? scalarString(args[0]) : undefined;
      if (text === undefined) return unknown(call);
      return scalar(call.name === "lower" ? text.toLowerCase() : text.toUpperCase(), call);
    }
    case "file":
      return fileContents(args[0], call, context) ?? unknown(call);
    case "templatefile":
      return renderTemplateFile(args[0], args[1], call, context) ?? unknown(call);
    default:
      return unknown(call);
  }
}

/** merge(): later maps' keys win; a null argument is skipped, an unknown one makes the result unknown. */
function merge(args: Node[], call: Call): Node {
  const entries = new Map<string, MapEntry>();
  for (const arg of args) {
    if (arg.kind === "scalar" && arg.value === null) continue;
    if (arg.kind !== "map") return unknown(call);
    for (const item of arg.entries) entries.set(item.key, { key: item.key, keyNode: item.keyNode, value: copy(item.value) });
  }
  return map([...entries.values()], call);
}

/** coalesce(): the first argument that is not null or "", as long as none before it is unknown. */
function coalesce(args: Node[], call: Call): Node {
  for (const arg of args) {
    if (isUnknown(arg) || arg.kind === "tagged") return unknown(call);
    if (arg.kind === "scalar" && (arg.value === null || arg.value === "")) continue;
    return arg;
  }
  return unknown(call);
}

function fileContents(path: Node | undefined, call: Call, context: EvalContext): Node | undefined {
  const file = namedFile(path, context);
  const text = file === undefined ? undefined : context.instance.readFile?.(file);
  if (file === undefined || text === undefined) return undefined;
  return withText(scalar(text, call), { text, holes: [], included: { file, text } });
}

/** Terraform resolves a relative path against its working directory, the root module's. */
function namedFile(path: Node | undefined, context: EvalContext): string | undefined {
  const name = path ? scalarString(path) : undefined;
  return name === undefined ? undefined : join(context.instance.rootDir, name);
}

function readNamedFile(path: Node | undefined, context: EvalContext): string | undefined {
  const file = namedFile(path, context);
  return file === undefined ? undefined : context.instance.readFile?.(file);
}

/**
 * templatefile(path, vars): `${name}` (and `${name.key}`) interpolations filled from vars where
 * known; `%{...}` directives and other expressions leave the whole text unknown.
 */
function renderTemplateFile(
  path: Node | undefined,
  vars: Node | undefined,
  call: Call,
  context: EvalContext,
): Node | undefined {
  const text = readNamedFile(path, context);
  if (text === undefined) return undefined;
  if (/(^|[^%])%\{/.test(text)) return undefined;
  const holes: TextWithHoles["holes"] = [];
  let rendered = "";
  let cursor = 0;
  let known = true;
  for (const match of text.matchAll(/\$(\$?)\{([^}]*)\}/g)) {
    rendered += text.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    if (match[1]) {
      rendered += match[0].slice(1); // `$${` is a literal `${`
      continue;
    }
    const value = templateVariable(match[2]!.trim(), vars, call);
    const filler = value.kind === "scalar" && value.value !== null ? String(value.value) : undefined;
    if (filler === undefined) known = false;
    const start = rendered.length;
    rendered += filler ?? "$" + "{}";
    holes.push({ start, end: rendered.length, value });
  }
  rendered += text.slice(cursor);
  const source: TextWithHoles = { text: rendered, holes };
  return withText(known ? scalar(rendered, call) : unknown(call), source);
}

function templateVariable(expression: string, vars: Node | undefined, at: Range): Node {
  if (vars?.kind !== "map" || isUnknown(vars)) return unknown(at);
  const path = /^([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?$/.exec(expression);
  if (!path) return unknown(at);
  let value: Node | undefined = vars.entries.find((item) => item.key === path[1])?.value;
  if (path[2]) value = value?.kind === "map" ? value.entries.find((item) => item.key === path[2])?.value : undefined;
  return value ?? unknown(at);
}
