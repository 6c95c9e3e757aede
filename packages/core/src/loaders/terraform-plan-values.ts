import { entry, type MapNode, type Node, type ScalarNode, type SeqNode, type TaggedNode } from "../document/node.js";
import { asObj, type Obj, scalarString } from "../model/obj.js";

/**
 * The parts of `terraform show -json` output the plan reader needs: the resources with their
 * values, which of those values are known only after apply, and what the configuration's
 * expressions reference. Format: https://developer.hashicorp.com/terraform/internals/json-format
 */

/** One managed resource instance of a plan (or a state), with its `values` object. */
export interface PlannedResource {
  /** The full address, e.g. `module.app.aws_ecs_service.web["blue"]`. */
  address: string;
  type: string;
  values: MapNode;
}

/**
 * The tag of a value that is known only after apply. Plans leave such values out of `values` and
 * list them in `after_unknown`; the reader puts this tagged node in their place so rules see a
 * value that is present but not a literal, the same as a CloudFormation intrinsic: unknown, never
 * a violation. (A null or a missing key would read as "not set", and rules such as
 * execution-role-required would report a role that apply will set.)
 */
export const UNKNOWN_AFTER_APPLY = "KnownAfterApply";

/**
 * Resources from `planned_values` (what the plan will leave), with the unknown values of the
 * matching `resource_changes[].change.after_unknown`; from `resource_changes[].change.after` when
 * the plan has no planned values; from `values` for `terraform show -json` of a state.
 */
export function plannedResources(plan: Obj): PlannedResource[] {
  const changes = plan.objs("resource_changes").filter((change) => change.str("mode") === "managed");
  const afterUnknown = new Map<string, Node>();
  for (const change of changes) {
    const address = change.str("address");
    const unknown = change.obj("change")?.get("after_unknown");
    if (address && unknown) afterUnknown.set(address, unknown);
  }
  const root = plan.obj("planned_values")?.obj("root_module") ?? plan.obj("values")?.obj("root_module");
  const resources = root ? moduleResources(root) : changedResources(changes);
  for (const resource of resources) {
    const unknown = afterUnknown.get(resource.address);
    if (unknown) markUnknown(resource.values, unknown);
  }
  return resources;
}

/** A module's managed resources and, recursively, its child modules'. */
function moduleResources(module: Obj): PlannedResource[] {
  const own = module.objs("resources").flatMap((resource) => {
    const address = resource.str("address");
    const type = resource.str("type");
    const values = resource.get("values");
    if (resource.str("mode") !== "managed" || !address || !type || values?.kind !== "map") return [];
    return [{ address, type, values }];
  });
  return [...own, ...module.objs("child_modules").flatMap(moduleResources)];
}

/** Resources a plan creates, updates or keeps, from their change's `after` (deletions have none). */
function changedResources(changes: Obj[]): PlannedResource[] {
  return changes.flatMap((change) => {
    const address = change.str("address");
    const type = change.str("type");
    const after = change.obj("change")?.get("after");
    return address && type && after?.kind === "map" ? [{ address, type, values: after }] : [];
  });
}

/**
 * Puts an unknown-after-apply node wherever `after_unknown` (the shape of `values`, with `true`
 * at each unknown leaf) says a value is unknown. The node is anchored at that `true`, the one
 * place in the file that names the value. Changes the freshly parsed tree in place, before any
 * rule has looked at it.
 */
function markUnknown(values: Node, unknown: Node): void {
  if (unknown.kind === "map" && values.kind === "map") {
    for (const { key, keyNode, value } of unknown.entries) {
      if (isTrue(value)) setEntry(values, key, keyNode, unknownNode(value, values, key));
      else {
        const known = entry(values, key);
        if (known) markUnknown(known, value);
      }
    }
  } else if (unknown.kind === "seq" && values.kind === "seq") {
    unknown.items.forEach((item, index) => {
      const known = values.items[index];
      if (isTrue(item) && known) values.items[index] = unknownNode(item, values, index);
      else if (known) markUnknown(known, item);
    });
  }
}

function isTrue(node: Node): boolean {
  return node.kind === "scalar" && node.value === true;
}

function unknownNode(at: Node, parent: MapNode | SeqNode, key: string | number): TaggedNode {
  const value: ScalarNode = { kind: "scalar", value: null, start: at.start, end: at.end };
  const node: TaggedNode = {
    kind: "tagged",
    tag: UNKNOWN_AFTER_APPLY,
    value,
    start: at.start,
    end: at.end,
    parent,
    key,
  };
  value.parent = node;
  return node;
}

function setEntry(map: MapNode, key: string, keyNode: ScalarNode, value: Node): void {
  const existing = map.entries.find((candidate) => candidate.key === key);
  if (existing) existing.value = value;
  else map.entries.push({ key, keyNode, value });
}

/** `module.app["x"].aws_ecs_service.web[0]` -> `module.app.aws_ecs_service.web`: the address in the configuration. */
export function configAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, "");
}

/**
 * What each resource's top-level arguments reference, from the plan's `configuration`:
 * `"<config address> <argument>"` -> the addresses of the resources named (module prefix
 * included, attribute dropped), e.g. `aws_ecs_service.web task_definition` ->
 * [`aws_ecs_task_definition.web`]. Plans leave an argument set from another new resource
 * (`aws_ecs_task_definition.web.arn`) unknown; this is how the reader still links them.
 */
export function configurationReferences(plan: Obj): Map<string, string[]> {
  const references = new Map<string, string[]>();
  const root = plan.obj("configuration")?.obj("root_module");
  if (root) collectReferences(root, "", references);
  return references;
}

function collectReferences(module: Obj, prefix: string, references: Map<string, string[]>): void {
  for (const resource of module.objs("resources")) {
    const address = resource.str("address");
    const expressions = resource.get("expressions");
    if (!address || expressions?.kind !== "map") continue;
    for (const { key, value } of expressions.entries) {
      addReferences(references, `${prefix}${address} ${key}`, asObj(value), prefix);
      // A nested block (load_balancer { target_group_arn = ... }) is a list of expression maps.
      if (value.kind === "seq")
        for (const block of value.items)
          for (const { key: inner, value: innerValue } of asObj(block)?.node.entries ?? [])
            addReferences(references, `${prefix}${address} ${key}.${inner}`, asObj(innerValue), prefix);
    }
  }
  const calls = module.get("module_calls");
  if (calls?.kind !== "map") return;
  for (const { key: name, value } of calls.entries) {
    const child = asObj(value)?.obj("module");
    if (child) collectReferences(child, `${prefix}module.${name}.`, references);
  }
}

function addReferences(references: Map<string, string[]>, key: string, expression: Obj | undefined, prefix: string): void {
  const named = (expression?.strings("references") ?? []).flatMap((reference) => {
    const match = /^(aws_[a-z0-9_]+\.[A-Za-z_][\w-]*)/.exec(reference);
    return match ? [`${prefix}${match[1]}`] : [];
  });
  if (named.length) references.set(key, [...new Set([...(references.get(key) ?? []), ...named])]);
}

/** The arguments and blocks each resource's configuration writes: `<config address>` -> names. */
export function configuredArguments(plan: Obj): Map<string, Set<string>> {
  const configured = new Map<string, Set<string>>();
  const visit = (module: Obj, prefix: string) => {
    for (const resource of module.objs("resources")) {
      const address = resource.str("address");
      const expressions = resource.get("expressions");
      if (address && expressions?.kind === "map") configured.set(`${prefix}${address}`, new Set(expressions.entries.map(({ key }) => key)));
    }
    const calls = module.get("module_calls");
    if (calls?.kind === "map")
      for (const { key: name, value } of calls.entries) {
        const child = asObj(value)?.obj("module");
        if (child) visit(child, `${prefix}module.${name}.`);
      }
  };
  const root = plan.obj("configuration")?.obj("root_module");
  if (root) visit(root, "");
  return configured;
}

/** A string value that is really there: plans write unset strings as null (and some as ""). */
export function literalString(node: Node | undefined): string | undefined {
  const value = scalarString(node);
  return value === "" ? undefined : value;
}
