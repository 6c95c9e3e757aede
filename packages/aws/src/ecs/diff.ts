// What registering a rendered task definition would change, field by field, for the dry run and
// the job summary. Both sides are normalized first, so ECS's defaults never show as changes.
import type { TaskDefinition, Tag } from "@aws-sdk/client-ecs";
import { normalizeTaskDefinition } from "./normalize.js";
import { isHiddenValuePath, maskUrlCredentials, shortHash } from "../redact.js";
import type { TaskDefinitionInput } from "./render.js";

export interface TaskDefinitionChange {
  /** e.g. `containerDefinitions[web].image`, `containerDefinitions[web].environment[LOG_LEVEL].value` */
  path: string;
  kind: "added" | "removed" | "changed";
  /** The value as JSON, or "(hidden, sha256:…)" for values that may hold secrets; absent on the side that does not have it. */
  before?: string;
  after?: string;
}

/** Lists of objects whose items are named by one of these keys are keyed by that name in paths. */
const ITEM_NAME_KEYS = ["name", "key", "sourceVolume", "sourceContainer", "containerName"];

/**
 * The JSON of a value as the diff shows it: a short hash for values that often carry credentials
 * (redact.ts), and URL credentials masked in the rest. The diff goes to build logs and the job
 * summary, and a secret is never repeated there.
 */
function shown(path: string, json: string): string {
  if (isHiddenValuePath(path)) return `(hidden, ${shortHash(json)})`;
  return maskUrlCredentials(json);
}

/** The changes from `current` (undefined: nothing registered yet) to `rendered`, in document order. */
export function diffTaskDefinitions(
  current: TaskDefinitionInput | (TaskDefinition & { tags?: Tag[] }) | undefined,
  rendered: TaskDefinitionInput,
): TaskDefinitionChange[] {
  const before = current ? leaves(normalizeTaskDefinition(current)) : new Map<string, string>();
  const after = leaves(normalizeTaskDefinition(rendered));
  const changes: TaskDefinitionChange[] = [];
  for (const [path, value] of after) {
    const old = before.get(path);
    const shownPath = maskUrlCredentials(path);
    if (old === undefined) changes.push({ path: shownPath, kind: "added", after: shown(path, value) });
    else if (old !== value)
      changes.push({ path: shownPath, kind: "changed", before: shown(path, old), after: shown(path, value) });
  }
  for (const [path, value] of before)
    if (!after.has(path)) changes.push({ path: maskUrlCredentials(path), kind: "removed", before: shown(path, value) });
  return changes;
}

/** One line per change: `~ path: before -> after`, `+ path: value`, `- path: value`. */
export function formatTaskDefinitionChanges(changes: readonly TaskDefinitionChange[]): string[] {
  return changes.map((change) => {
    if (change.kind === "added") return `+ ${change.path}: ${change.after}`;
    if (change.kind === "removed") return `- ${change.path}: ${change.before}`;
    return `~ ${change.path}: ${change.before} -> ${change.after}`;
  });
}

/** Path -> JSON of every scalar (and every list of scalars) in the document. */
function leaves(document: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      if (value.every((item) => typeof item !== "object" || item === null)) {
        found.set(path, JSON.stringify(value));
        return;
      }
      const names = value.map(itemName);
      const named = names.every((name) => name !== undefined) && new Set(names).size === names.length;
      value.forEach((item, index) => {
        walk(item, `${path}[${named ? names[index] : index}]`);
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    } else {
      found.set(path, JSON.stringify(value));
    }
  };
  walk(document, "");
  return found;
}

function itemName(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const key = ITEM_NAME_KEYS.find((name) => typeof record[name] === "string");
  return key ? (record[key] as string) : undefined;
}
