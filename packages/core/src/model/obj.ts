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
    return lookupIndex(this.node).get(normalizeKey(key));
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
    return this.list(key).flatMap((item) => (item.kind === "map" ? [new Obj(item)] : []));
  }

  strings(key: string): string[] {
    return this.list(key).flatMap((item) => {
      const value = scalarString(item);
      return value === undefined ? [] : [value];
    });
  }
}

// The normalized-key index of a map node, built once however many views and rules read it.
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
