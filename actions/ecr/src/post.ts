// The post step: log docker out of every registry the main step logged in to.
import * as core from "@actions/core";
import { messageOf } from "@shipshape/action-kit";
import { dockerLogout } from "./docker.js";
import { readPostState } from "./state.js";

export async function post(): Promise<void> {
  const state = readPostState();
  if (!state.logout) return;
  for (const registry of state.registries) {
    try {
      await dockerLogout(registry);
      core.info(`Logged out of ${registry}`);
    } catch (error) {
      // A failed logout must not fail the job after its work is done; say so loudly instead.
      core.warning(`could not log out of ${registry}: ${messageOf(error)}`);
    }
  }
}
