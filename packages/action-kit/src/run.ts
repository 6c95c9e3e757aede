// The one entry point of every action, as docker/actions-toolkit shapes it: the same bundle runs
// as the main step and, when action.yml has `post:`, again as the post step; saved state tells them
// apart. A failure becomes the step's error annotation; its stack only in debug logs.
import * as core from "@actions/core";
import { InvalidInputs } from "./inputs.js";

const IS_POST = "isPost";

export type Step = () => Promise<void>;

export async function run(main: Step, post?: Step): Promise<void> {
  const isPost = core.getState(IS_POST) === "true";
  if (!isPost && post) core.saveState(IS_POST, "true");
  await runStep(isPost && post ? post : main);
}

async function runStep(step: Step): Promise<void> {
  try {
    await step();
  } catch (error) {
    core.setFailed(messageOf(error));
    if (error instanceof Error && error.stack && !(error instanceof InvalidInputs)) core.debug(error.stack);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
