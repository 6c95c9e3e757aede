// Typed reading of a step's inputs over @actions/core that gathers every problem, so a step
// refuses bad inputs in one message naming each, before it does anything.
import * as core from "@actions/core";
import { inWorkspace, OutsideWorkspace, type WorkspacePath } from "./workspace.js";

/** Reads an input by its action.yml name, trimmed; "" when it is not set. */
export type InputReader = (name: string) => string;

/** The step's inputs as the runner passes them (INPUT_* variables), through @actions/core. */
export const runnerInputs: InputReader = (name) => core.getInput(name);

export class InvalidInputs extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid inputs:\n- ${problems.join("\n- ")}`);
    this.name = "InvalidInputs";
  }
}

export class InputParser {
  /** One line per input that could not be read, naming the input and what it takes. */
  readonly problems: string[] = [];

  constructor(readonly read: InputReader = runnerInputs) {}

  /** The trimmed text; a problem when `required` and empty (as action.yml's `required: true` means). */
  string(name: string, options: { required?: boolean } = {}): string {
    const value = this.read(name);
    if (options.required && value === "") this.problems.push(`${name} is required`);
    return value;
  }

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
    this.problems.push(`${name} must be a whole number ${rangeText(min, max)}, found "${value}"`);
    return undefined;
  }

  /** A decimal number above `above` and at most `max`; `fallback` when not set. */
  positiveNumber(name: string, fallback: number, max: number): number {
    const value = this.read(name);
    if (value === "") return fallback;
    const number = Number(value);
    if (/^\d*\.?\d+$/.test(value) && number > 0 && number <= max) return number;
    this.problems.push(`${name} must be a number above 0, at most ${max}, found "${value}"`);
    return fallback;
  }

  /** Items one per line or separated by commas, trimmed, empty ones dropped. */
  list(name: string): string[] {
    return splitTrimmed(this.read(name), /[\n,]/);
  }

  /** Lines, trimmed, empty ones and `#` comments dropped. */
  lines(name: string): string[] {
    return splitTrimmed(this.read(name), "\n").filter((line) => !line.startsWith("#"));
  }

  /** `value` (a path the input `name` gave) inside `workspace`; a problem, and undefined, when it leads outside. */
  workspacePath(
    name: string,
    value: string,
    workspace: string,
    alsoInside: readonly string[] = [],
  ): WorkspacePath | undefined {
    try {
      return inWorkspace(value, workspace, alsoInside);
    } catch (error) {
      if (!(error instanceof OutsideWorkspace)) throw error;
      this.problems.push(`${name}: ${error.message}`);
      return undefined;
    }
  }

  /** Records a problem found while cross-checking inputs. */
  need(condition: boolean, problem: string): void {
    if (!condition) this.problems.push(problem);
  }

  /** Throws one InvalidInputs naming every problem, if there were any. */
  finish(): void {
    if (this.problems.length > 0) throw new InvalidInputs(this.problems);
  }
}

function rangeText(min: number, max: number): string {
  return max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `from ${min} up`;
}

function splitTrimmed(value: string, separator: string | RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}
