// The one entry point of every action, as docker/actions-toolkit shapes it: the same bundle runs
// as the main step and, when action.yml has `post:`, again as the post step; saved state tells them
// apart. A failure becomes the step's error annotation; its stack only in debug logs.
//
// Cancellation: the runner cancels a step with SIGINT, then SIGTERM (and SIGKILL after a grace
// period). Either aborts the signal the step gets, so its AWS calls and waits stop and it reports
// what was in progress, writes outputs and its summary, and fails; a step that has not finished
// CANCEL_GRACE_MS later is ended with exit code 1.
import * as core from "@actions/core";
import { InvalidInputs } from "./inputs.js";
import { maskUrlCredentials } from "./untrusted.js";

const IS_POST = "isPost";
export const CANCEL_GRACE_MS = 4_000;
const CANCEL_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/** A step: `signal` aborts, with a StepCancelled as its reason, when the runner cancels the job. */
export type Step = (signal: AbortSignal) => Promise<void>;

/** The reason of an aborted step signal. */
export class StepCancelled extends Error {
  constructor(readonly signalName: string) {
    super(`the step was cancelled (${signalName})`);
    this.name = "StepCancelled";
  }
}

export async function run(main: Step, post?: Step): Promise<void> {
  const isPost = core.getState(IS_POST) === "true";
  if (!isPost && post) core.saveState(IS_POST, "true");
  await runStep(isPost && post ? post : main);
}

async function runStep(step: Step): Promise<void> {
  const cancel = new AbortController();
  let graceTimer: NodeJS.Timeout | undefined;
  const onSignal = (signalName: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    core.info(`received ${signalName}: stopping`);
    cancel.abort(new StepCancelled(signalName));
    graceTimer = setTimeout(() => {
      core.setFailed(`the step was cancelled (${signalName}) and did not stop within ${CANCEL_GRACE_MS / 1000} s`);
      process.exit(1);
    }, CANCEL_GRACE_MS);
  };
  for (const name of CANCEL_SIGNALS) process.on(name, onSignal);
  try {
    await step(cancel.signal);
    if (cancel.signal.aborted) core.setFailed(messageOf(cancel.signal.reason));
  } catch (error) {
    // A message may quote a value from a user's file: no credentials in URLs reach the log.
    core.setFailed(maskUrlCredentials(messageOf(error)));
    if (error instanceof Error && error.stack && !(error instanceof InvalidInputs)) core.debug(error.stack);
  } finally {
    clearTimeout(graceTimer);
    for (const name of CANCEL_SIGNALS) process.off(name, onSignal);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
