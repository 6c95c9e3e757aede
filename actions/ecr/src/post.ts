// The post step: log docker out of every registry the main step logged in to.
import * as runner from "@shipshape/runner";
import { dockerLogout } from "./docker.js";
import { readPostState } from "./state.js";

export async function post(): Promise<void> {
  const state = readPostState();
  if (!state.logout) return;
  for (const registry of state.registries) {
    try {
      await dockerLogout(registry);
      runner.info(`Logged out of ${registry}`);
    } catch (error) {
      // A failed logout must not fail the job after its work is done; say so loudly instead.
      runner.warning(`could not log out of ${registry}: ${messageOf(error)}`);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
