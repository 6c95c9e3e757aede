// Typed reading of a step's inputs that gathers every problem, so a step refuses bad inputs in
// one message naming each instead of failing on the first.

/** Reads an input by its action.yml name; "" when it is not set. */
export type InputReader = (name: string) => string;

export class InputParser {
  /** One line per input that could not be read, naming the input and what it takes. */
  readonly problems: string[] = [];

  constructor(readonly read: InputReader) {}

  /** The values GitHub's own actions take for a boolean (YAML 1.2's core schema). */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.read(name);
    if (value === "") return fallback;
    if (/^(true|True|TRUE)$/.test(value)) return true;
    if (/^(false|False|FALSE)$/.test(value)) return false;
    this.problems.push(`${name} must be true or false, found "${value}"`);
    return fallback;
  }

  /** One of `allowed`, in any case, returned as `allowed` spells it. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.read(name);
    if (value === "") return fallback;
    const found = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
    if (!found) this.problems.push(`${name} must be one of ${allowed.join(", ")}, found "${value}"`);
    return found ?? fallback;
  }

  /** A whole number from `min` to `max`; undefined when not set. */
  wholeNumber(name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.read(name);
    if (value === "") return undefined;
    const number = Number(value);
    if (/^\d+$/.test(value) && number >= min && number <= max) return number;
    const range = max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `from ${min} up`;
    this.problems.push(`${name} must be a whole number ${range}, found "${value}"`);
    return undefined;
  }

  /** Items one per line or separated by commas, trimmed, empty ones dropped. */
  list(name: string): string[] {
    return splitTrimmed(this.read(name), /[\n,]/);
  }

  /** Lines, trimmed, empty ones dropped. */
  lines(name: string): string[] {
    return splitTrimmed(this.read(name), "\n");
  }
}

function splitTrimmed(value: string, separator: string | RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}
