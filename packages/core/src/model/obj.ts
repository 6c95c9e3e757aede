import type { MapNode, Node } from "../document/node.js";

/** `networkMode`, `NetworkMode` and `network_mode` are one property across ECS JSON, CloudFormation and Terraform. */
export function normalizeKey(key: string): string {
  let normalized = normalizedKeys.get(key);
  if (normalized === undefined) {
    normalized = key.replace(/_/g, "").toLowerCase();
    if (normalizedKeys.size < 10_000) normalizedKeys.set(key, normalized);
  }
  return normalized;
}

const normalizedKeys = new Map<string, string>();

/**
 * A read-only view over a map node that looks properties up whatever their casing, so one rule
 * reads ECS JSON (camelCase), CloudFormation (PascalCase) and Terraform (snake_case) alike.
 * Accessors return undefined for values that are not literals (an intrinsic function, a
 * Terraform value known only after apply): rules treat those as unknown, never as violations.
 */
export class Obj {
  constructor(readonly node: MapNode) {}

  get(key: string): Node | undefined {
    const { entries } = this.node;
    if (entries.length > SCANNED_MAP_SIZE) return lookupIndex(this.node).get(normalizeKey(key));
    // Most keys are written as asked for, or begin with another letter: only the others need the
    // normalized comparison (and the normalized key, made on the first of them).
    const first = firstLetter(key);
    let wanted: string | undefined;
    // From the end: of two spellings of one key, the last one counts, as in the index.
    for (let i = entries.length - 1; i >= 0; i--) {
      const candidate = entries[i]!.key;
      if (candidate === key) return entries[i]!.value;
      if (first !== ANY_LETTER) {
        const letter = firstLetter(candidate);
        if (letter !== ANY_LETTER && letter !== first) continue;
      }
      wanted ??= normalizeKey(key);
      if (normalizesTo(candidate, wanted)) return entries[i]!.value;
    }
    return undefined;
  }

  has(key: string): boolean {
    const node = this.get(key);
    return node !== undefined && !(node.kind === "scalar" && node.value === null);
  }

  str(key: string): string | undefined {
    return scalarString(this.get(key));
  }

  num(key: string): number | undefined {
    return scalarNumber(this.get(key));
  }

  bool(key: string): boolean | undefined {
    return scalarBool(this.get(key));
  }

  obj(key: string): Obj | undefined {
    return asObj(this.get(key));
  }

  /** Items of a list property; a single map stands for a one-item list (Terraform blocks, sloppy YAML). */
  list(key: string): Node[] {
    const node = this.get(key);
    if (!node) return [];
    if (node.kind === "seq") return node.items;
    if (node.kind === "map") return [node];
    return [];
  }

  objs(key: string): Obj[] {
    const objs: Obj[] = [];
    for (const item of this.list(key)) if (item.kind === "map") objs.push(new Obj(item));
    return objs;
  }

  strings(key: string): string[] {
    const strings: string[] = [];
    for (const item of this.list(key)) {
      const value = scalarString(item);
      if (value !== undefined) strings.push(value);
    }
    return strings;
  }
}

/**
 * Whether `normalizeKey(key) === normalized`, without building the normalized string: a property
 * lookup compares most keys of a small map, so this runs far more often than anything else here.
 */
function normalizesTo(key: string, normalized: string): boolean {
  let matched = 0;
  for (let i = 0; i < key.length; i++) {
    let code = key.charCodeAt(i);
    if (code === UNDERSCORE) continue;
    // Lower-casing beyond ASCII has rules of its own; leave those to toLowerCase.
    if (code > 0x7f) return normalizeKey(key) === normalized;
    if (code >= UPPER_A && code <= UPPER_Z) code += LOWER_CASE_OFFSET;
    if (code !== normalized.charCodeAt(matched++)) return false;
  }
  return matched === normalized.length;
}

/**
 * The first character of a key that is not an underscore, lower-cased, as normalizeKey would
 * begin; ANY_LETTER when that takes more than ASCII (a non-ASCII character, or none at all).
 */
function firstLetter(key: string): number {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code === UNDERSCORE) continue;
    if (code > 0x7f) return ANY_LETTER;
    return code >= UPPER_A && code <= UPPER_Z ? code + LOWER_CASE_OFFSET : code;
  }
  return ANY_LETTER;
}

const ANY_LETTER = -1;
const UNDERSCORE = 0x5f;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const LOWER_CASE_OFFSET = 0x20;

/** Maps up to this many entries are scanned; a larger one (a template's Resources) gets an index. */
const SCANNED_MAP_SIZE = 16;

// The normalized-key index of a large map node, built once however many views and rules read it.
const indexes = new WeakMap<MapNode, Map<string, Node>>();

function lookupIndex(node: MapNode): Map<string, Node> {
  let index = indexes.get(node);
  if (!index) {
    index = new Map();
    for (const { key, value } of node.entries) index.set(normalizeKey(key), value);
    indexes.set(node, index);
  }
  return index;
}

export function asObj(node: Node | undefined): Obj | undefined {
  return node?.kind === "map" ? new Obj(node) : undefined;
}

export function scalarString(node: Node | undefined): string | undefined {
  if (node?.kind !== "scalar") return undefined;
  const { value } = node;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function scalarNumber(node: Node | undefined): number | undefined {
  if (node?.kind !== "scalar") return undefined;
  const { value } = node;
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function scalarBool(node: Node | undefined): boolean | undefined {
  if (node?.kind !== "scalar") return undefined;
  const { value } = node;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "True" || value === "TRUE") return true;
  if (value === "false" || value === "False" || value === "FALSE") return false;
  return undefined;
}
