// State the main step leaves for the post step, saved as one JSON value per name.
import * as core from "@actions/core";

export function saveJsonState(name: string, value: unknown): void {
  core.saveState(name, JSON.stringify(value));
}

/** The saved value, or undefined when main saved none (it failed before, or there is no main). */
export function readJsonState<T>(name: string): T | undefined {
  const saved = core.getState(name);
  return saved ? (JSON.parse(saved) as T) : undefined;
}
