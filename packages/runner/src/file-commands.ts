// What the runner passes in environment variables (inputs, saved state) and the files it reads
// back after the step: GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY.
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
import { issueCommand } from "./workflow-commands.js";

/** An input by its action.yml name (INPUT_<NAME>, spaces as `_`), trimmed; "" when not set. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

/** A value the main step saved with saveState; "" when there is none. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? "";
}

/**
 * `name<<DELIMITER`, the value's lines, `DELIMITER`: the form GITHUB_OUTPUT and GITHUB_STATE take,
 * so a value may hold new lines. The delimiter is random, and may appear in neither.
 */
export function formatKeyValue(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`the name or value of ${name} contains the delimiter ${delimiter}`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

function appendTo(variable: string, text: string): void {
  const file = process.env[variable];
  if (!file) throw new Error(`${variable} is not set: the step does not run on a GitHub Actions runner`);
  appendFileSync(file, text, "utf8");
}

/** A step output (`steps.<id>.outputs.<name>`). */
export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) appendTo("GITHUB_OUTPUT", formatKeyValue(name, value));
  else issueCommand("set-output", { name }, value);
}

/** State for the post step of the same action, read there with getState. */
export function saveState(name: string, value: string): void {
  if (process.env.GITHUB_STATE) appendTo("GITHUB_STATE", formatKeyValue(name, value));
  else issueCommand("save-state", { name }, value);
}

/** Appends markdown (or HTML) to the job summary. */
export function appendSummary(markdown: string): void {
  appendTo("GITHUB_STEP_SUMMARY", markdown);
}
