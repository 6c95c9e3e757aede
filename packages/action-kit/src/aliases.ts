// Inputs that another action names differently: the aws-actions' names, read as aliases of
// shipshape's, so a workflow moves over by changing its `uses:` line.
import type { InputReader } from "./inputs.js";

export interface AliasedInputs {
  /** Reads shipshape's name, or else its alias. */
  read: InputReader;
  /** "wait-for-minutes and timeout-minutes differ" for each pair given two different values. */
  conflicts(): string[];
  /** The aliases that were used, as `alias (shipshape: name)`, for a note in the log. */
  used(): string[];
}

/** `aliases` maps shipshape's input name to the other action's name for it. */
export function withAliases(read: InputReader, aliases: Readonly<Record<string, string>>): AliasedInputs {
  const conflicts = new Set<string>();
  const used = new Set<string>();
  return {
    read(name) {
      const value = read(name);
      const alias = aliases[name];
      if (alias === undefined) return value;
      const aliasValue = read(alias);
      if (aliasValue === "") return value;
      if (value !== "" && value !== aliasValue)
        conflicts.add(`${alias} and ${name} are the same input and differ: give one`);
      used.add(`${alias} (shipshape: ${name})`);
      return value || aliasValue;
    },
    conflicts: () => [...conflicts],
    used: () => [...used],
  };
}

/** A JSON input: undefined when empty; a problem naming the input when it does not parse or `check` refuses it. */
export function jsonInput<T>(
  read: InputReader,
  problems: string[],
  name: string,
  check: (value: unknown) => value is T,
  expected: string,
): T | undefined {
  const text = read(name);
  if (text === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    problems.push(`${name} must be ${expected} in JSON, found text that is not JSON`);
    return undefined;
  }
  if (check(value)) return value;
  problems.push(`${name} must be ${expected} in JSON`);
  return undefined;
}
