// Rendering a task definition in its located tree: new images, environment, secrets, log
// configuration, labels, command and roles written into the nodes the file was parsed into, so
// the policy check of the rendered definition still points at the file's lines. A value the file
// did not have is placed at its parent's position (the container, or the task definition).
import type { MapNode, Node, ScalarNode, ScalarValue, SeqNode } from "../document/node.js";
import { LineIndex } from "../document/position.js";
import { isLintableFileName, parseSource } from "../loaders/load.js";

/** What a render changes in one container (the inputs of amazon-ecs-render-task-definition, and shipshape's images). */
export interface ContainerEdits {
  image?: string;
  /** Set by name: an existing variable takes the new value, a new one is appended. */
  environment?: readonly { name: string; value: string }[];
  secrets?: readonly { name: string; valueFrom: string }[];
  /** S3 object ARNs; they replace the container's environmentFiles. */
  environmentFiles?: readonly string[];
  logDriver?: string;
  /** Set by key in logConfiguration.options. */
  logOptions?: readonly (readonly [string, string])[];
  dockerLabels?: readonly (readonly [string, string])[];
  command?: readonly string[];
}

export interface TaskDefinitionEdits {
  containers: readonly { name: string; edits: ContainerEdits }[];
  taskRoleArn?: string;
  executionRoleArn?: string;
}

/**
 * The task definition's own map: the root, or `taskDefinition` in `describe-task-definition`
 * output. Undefined when the tree is not a task definition.
 */
export function taskDefinitionNode(root: Node): MapNode | undefined {
  if (root.kind !== "map") return undefined;
  const wrapped = valueAt(root, "taskDefinition");
  return wrapped?.kind === "map" ? wrapped : root;
}

/**
 * Applies the edits to the tree in place. Throws an Error naming the containers there are when
 * one of the edited containers does not exist.
 */
export function renderTaskDefinitionTree(root: Node, edits: TaskDefinitionEdits): void {
  const task = taskDefinitionNode(root);
  const containers = task && valueAt(task, "containerDefinitions");
  if (!task || containers?.kind !== "seq")
    throw new Error("containerDefinitions is missing: is this an ECS task definition?");
  const byName = new Map<string, MapNode>();
  for (const item of containers.items) {
    const name = item.kind === "map" ? valueAt(item, "name") : undefined;
    if (item.kind === "map" && name?.kind === "scalar" && typeof name.value === "string") byName.set(name.value, item);
  }
  for (const { name, edits: change } of edits.containers) {
    const container = byName.get(name);
    if (!container) {
      const names = [...byName.keys()].map((known) => `"${known}"`).join(", ");
      const family = scalarOf(valueAt(task, "family"));
      const which = typeof family === "string" ? `task definition ${family}` : "the task definition";
      throw new Error(`no container "${name}" in ${which}; its containers are ${names}`);
    }
    editContainer(container, change);
  }
  if (edits.taskRoleArn !== undefined) setValue(task, "taskRoleArn", edits.taskRoleArn);
  if (edits.executionRoleArn !== undefined) setValue(task, "executionRoleArn", edits.executionRoleArn);
}

function editContainer(container: MapNode, edits: ContainerEdits): void {
  if (edits.image !== undefined) setValue(container, "image", edits.image);
  if (edits.command) setValue(container, "command", edits.command);
  if (edits.environmentFiles) {
    setValue(
      container,
      "environmentFiles",
      edits.environmentFiles.map((value) => ({ value, type: "s3" })),
    );
  }
  if (edits.environment) upsertByName(container, "environment", "value", edits.environment);
  if (edits.secrets) upsertByName(container, "secrets", "valueFrom", edits.secrets);
  if (edits.logDriver !== undefined || edits.logOptions) {
    const logConfiguration = mapAt(container, "logConfiguration");
    if (edits.logDriver !== undefined) setValue(logConfiguration, "logDriver", edits.logDriver);
    if (edits.logOptions) {
      const options = mapAt(logConfiguration, "options");
      for (const [key, value] of edits.logOptions) setValue(options, key, value);
    }
  }
  if (edits.dockerLabels) {
    const labels = mapAt(container, "dockerLabels");
    for (const [key, value] of edits.dockerLabels) setValue(labels, key, value);
  }
}

/** environment / secrets: the item with the name gets the new value, else a new item is appended. */
function upsertByName(
  container: MapNode,
  key: "environment" | "secrets",
  valueKey: "value" | "valueFrom",
  items: readonly { name: string; value?: string; valueFrom?: string }[],
): void {
  let list = valueAt(container, key);
  if (list?.kind !== "seq") {
    setValue(container, key, []);
    list = valueAt(container, key) as SeqNode;
  }
  for (const item of items) {
    const value = valueKey === "value" ? item.value : item.valueFrom;
    const existing = list.items.find(
      (node): node is MapNode => node.kind === "map" && scalarOf(valueAt(node, "name")) === item.name,
    );
    if (existing) setValue(existing, valueKey, value ?? "");
    else list.items.push(build({ name: item.name, [valueKey]: value ?? "" }, list, list.items.length));
  }
}

/** The map under `key`, made (at the parent's position) when missing or not a map. */
function mapAt(parent: MapNode, key: string): MapNode {
  const found = valueAt(parent, key);
  if (found?.kind === "map") return found;
  setValue(parent, key, {});
  return valueAt(parent, key) as MapNode;
}

type Plain = ScalarValue | readonly Plain[] | { readonly [key: string]: Plain };

/** Sets `key` to `value`: a scalar keeps its node's position, anything new takes the parent's. */
function setValue(map: MapNode, key: string, value: Plain): void {
  const index = lastIndexOf(map, key);
  const current = index >= 0 ? map.entries[index]!.value : undefined;
  if (current?.kind === "scalar" && isScalarValue(value)) {
    current.value = value;
    return;
  }
  const node = build(value, map, key, current ?? map);
  if (index >= 0) map.entries[index]!.value = node;
  else {
    const keyNode: ScalarNode = { kind: "scalar", value: key, start: map.start, end: map.start, parent: map, key };
    map.entries.push({ key, keyNode, value: node });
  }
}

function build(value: Plain, parent: MapNode | SeqNode, key: string | number, at: Node = parent): Node {
  const place = { start: at.start, end: at.end, parent, key };
  if (isScalarValue(value)) return { kind: "scalar", value, ...place };
  if (Array.isArray(value)) {
    const seq: SeqNode = { kind: "seq", items: [], ...place };
    for (const [index, item] of (value as readonly Plain[]).entries()) seq.items.push(build(item, seq, index, at));
    return seq;
  }
  const map: MapNode = { kind: "map", entries: [], ...place };
  for (const [entryKey, item] of Object.entries(value as { [key: string]: Plain })) {
    const keyNode: ScalarNode = {
      kind: "scalar",
      value: entryKey,
      start: at.start,
      end: at.start,
      parent: map,
      key: entryKey,
    };
    map.entries.push({ key: entryKey, keyNode, value: build(item, map, entryKey, at) });
  }
  return map;
}

function isScalarValue(value: Plain): value is ScalarValue {
  return value === null || typeof value !== "object";
}

function lastIndexOf(map: MapNode, key: string): number {
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i]!.key === key) return i;
  return -1;
}

function valueAt(map: MapNode, key: string): Node | undefined {
  const index = lastIndexOf(map, key);
  return index >= 0 ? map.entries[index]!.value : undefined;
}

function scalarOf(node: Node | undefined): ScalarValue | undefined {
  return node?.kind === "scalar" ? node.value : undefined;
}

/**
 * The one tree of a task definition file (JSON, or YAML with a single document); a file named
 * without .json/.yaml is read as JSON when it looks like JSON, else as YAML, as the aws-actions do.
 * Throws an Error naming the file and line when it does not parse.
 */
export function parseTaskDefinitionText(shownPath: string, text: string): Node {
  const parsed = parseSource(isLintableFileName(shownPath) ? shownPath : `${shownPath}.json`, text);
  if ("roots" in parsed) {
    const [root, ...more] = parsed.roots;
    if (root && more.length === 0) return root;
    throw new Error(`${shownPath}: holds ${parsed.roots.length} YAML documents; a task definition file holds one`);
  }
  const where = parsed.status === "invalid" ? `:${new LineIndex(text).position(parsed.offset).line}` : "";
  const why = parsed.status === "invalid" ? parsed.message : parsed.reason;
  throw new Error(`${shownPath}${where}: not valid JSON or YAML: ${why}`);
}
