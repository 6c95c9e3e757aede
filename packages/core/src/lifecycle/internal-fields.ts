import type { LifecyclePath, LifecycleProblem } from "./types.js";

export type JsonObject = Record<string, unknown>;
export type Report = (path: LifecyclePath, message: string, fix?: string) => void;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a message shows it: strings quoted, containers by kind (never their contents). */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

export function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(", ");
}

/**
 * Reads one JSON object of the policy: reports keys it does not know at once, hands out the
 * others, and at the end asks to remove the null fields (Terraform's jsonencode writes unset
 * attributes as null) that no check needed.
 */
export class Fields {
  private readonly handledNulls = new Set<string>();

  constructor(
    readonly object: JsonObject,
    readonly path: LifecyclePath,
    private readonly what: string,
    private readonly allowed: readonly string[],
    private readonly report: Report,
  ) {
    for (const key of Object.keys(object)) {
      if (allowed.includes(key)) continue;
      const sameButCase = allowed.find((known) => known.toLowerCase() === key.toLowerCase());
      report(
        [...path, key],
        `${what} does not take "${key}"; the keys it takes are ${allowed.join(", ")}`,
        sameButCase ? `write "${sameButCase}"` : `remove "${key}"`,
      );
    }
  }

  /** The value, or undefined when the key is absent or null. */
  get(key: string): unknown {
    const value = this.object[key];
    return value === null ? undefined : value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  at(key: string, ...rest: (string | number)[]): LifecyclePath {
    return [...this.path, key, ...rest];
  }

  /** Reports a field the context requires; a null one is named as null. */
  missing(key: string, need: string, fix?: string): void {
    if (this.object[key] === null) {
      this.handledNulls.add(key);
      this.report(this.at(key), `${key} is null; ${need}`, fix);
    } else {
      this.report(this.at(key), `${this.what} has no ${key}; ${need}`, fix);
    }
  }

  /** Reports the null fields no check asked for; call after all checks of this object. */
  finish(): void {
    for (const [key, value] of Object.entries(this.object)) {
      if (value !== null || this.handledNulls.has(key) || !this.allowed.includes(key)) continue;
      this.report(
        this.at(key),
        `${key} is null; ECR takes no null fields: remove the null field ${key}`,
        `remove "${key}"`,
      );
    }
  }
}

/** Checks a field against its allowed strings; returns the value when it is one of them. */
export function readEnum<T extends string>(
  fields: Fields,
  key: string,
  allowed: readonly T[],
  report: Report,
): T | undefined {
  const value = fields.get(key);
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const caseFix =
    typeof value === "string"
      ? allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase())
      : undefined;
  report(
    fields.at(key),
    `${key} ${describeValue(value)} is not one of ${quoteList(allowed)}`,
    caseFix ? `"${key}": "${caseFix}"` : undefined,
  );
  return undefined;
}

/** A whole number of 1 or more; reports anything else. */
export function readPositiveInteger(fields: Fields, key: string, need: string, report: Report): number | undefined {
  const value = fields.get(key);
  if (value === undefined) {
    fields.missing(key, need, `"${key}": 1`);
    return undefined;
  }
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value) && Number(value) >= 1) {
    report(
      fields.at(key),
      `${key} ${describeValue(value)} is a string; write the number ${Number(value)}`,
      `"${key}": ${Number(value)}`,
    );
    return undefined;
  }
  if (typeof value !== "number" || !Number.isInteger(value)) {
    report(fields.at(key), `${key} must be a whole number of 1 or more, found ${describeValue(value)}`, `"${key}": 1`);
    return undefined;
  }
  if (value < 1) {
    report(fields.at(key), `${key} ${value} is refused; ${need}`, `"${key}": 1`);
    return undefined;
  }
  return value;
}

export function problem(path: LifecyclePath, message: string, fix?: string): LifecycleProblem {
  return fix === undefined ? { path, message } : { path, message, fix };
}
