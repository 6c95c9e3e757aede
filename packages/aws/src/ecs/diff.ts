// What registering a rendered task definition would change, field by field, for the dry run and
// the job summary. Both sides are normalized first, so ECS's defaults never show as changes.
import type { TaskDefinition, Tag } from "@aws-sdk/client-ecs";
import { normalizeTaskDefinition } from "./normalize.js";
import type { TaskDefinitionInput } from "./render.js";

export interface TaskDefinitionChange {
  /** e.g. `containerDefinitions[web].image`, `containerDefinitions[web].environment[LOG_LEVEL].value` */
  path: string;
  kind: "added" | "removed" | "changed";
  /** The value as JSON (a note instead for an environment value that looks secret); absent on the side that does not have it. */
  before?: string;
  after?: string;
}

/** Lists of objects whose items are named by one of these keys are keyed by that name in paths. */
const ITEM_NAME_KEYS = ["name", "key", "sourceVolume", "sourceContainer", "containerName"];

/** Variable names that say the value is a credential. */
const SECRET_NAME =
  /pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth|signing|dsn|connection[_-]?string/i;
/** Values that look like credentials whatever the name: AWS key ids, PEM blocks, user:password@ in URLs, long random strings. */
const SECRET_VALUE = [
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /:\/\/[^/\s:@]+:[^/\s@]+@/,
  /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9+/=_-]{20,}$/,
  /^(gh[pousr]_|xox[baprs]-|glpat-|sk-)/,
];
const ENVIRONMENT_VALUE = /^containerDefinitions\[[^\]]+\]\.environment\[([^\]]+)\]\.value$/;

/**
 * The JSON of an environment value, or a note that it is hidden when its name or its text looks
 * like a credential: the diff goes to build logs, and a secret is never repeated there.
 */
function shown(path: string, json: string): string {
  const name = ENVIRONMENT_VALUE.exec(path)?.[1];
  if (name === undefined) return json;
  const value = String(JSON.parse(json));
  const sensitive = SECRET_NAME.test(name) || SECRET_VALUE.some((pattern) => pattern.test(value));
  return sensitive ? `(hidden, ${value.length} characters)` : json;
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
    if (old === undefined) changes.push({ path, kind: "added", after: shown(path, value) });
    else if (old !== value)
      changes.push({ path, kind: "changed", before: shown(path, old), after: shown(path, value) });
  }
  for (const [path, value] of before)
    if (!after.has(path)) changes.push({ path, kind: "removed", before: shown(path, value) });
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
