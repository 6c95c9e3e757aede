/**
 * What the three actions share on top of @actions/core: the entry point that routes one bundle to
 * main or post, input parsing that reports every bad input at once, post-step state, and the
 * workspace paths inputs name.
 *
 *   run(main, post);
 *   const parse = new InputParser();
 *   const repository = parse.string("repository", { required: true });
 *   parse.finish();
 */
export { InputParser, InvalidInputs, type InputReader, runnerInputs } from "./inputs.js";
export { CANCEL_GRACE_MS, messageOf, run, type Step, StepCancelled } from "./run.js";
export { readJsonState, saveJsonState } from "./state.js";
export { type AliasedInputs, jsonInput, withAliases } from "./aliases.js";
export { maskUrlCredentials, printUntrusted } from "./untrusted.js";
export { inWorkspace, OutsideWorkspace, type WorkspacePath, workspaceOf } from "./workspace.js";
