import * as runner from "@shipshape/runner";
// What the main step leaves for the post step, saved as JSON in the runner's state (GITHUB_STATE).

export interface PostState {
  /** Registries docker logged in to, to log out of. */
  registries: string[];
  logout: boolean;
}

const IS_POST = "isPost";
const POST_STATE = "post";

/** The same bundle runs as main and post; main marks the state so the second run knows it is post. */
export function isPostStep(): boolean {
  return runner.getState(IS_POST) === "true";
}

export function markMainStepRan(): void {
  runner.saveState(IS_POST, "true");
}

export function savePostState(state: PostState): void {
  runner.saveState(POST_STATE, JSON.stringify(state));
}

export function readPostState(): PostState {
  const saved = runner.getState(POST_STATE);
  if (!saved) return { registries: [], logout: false };
  const parsed = JSON.parse(saved) as Partial<PostState>;
  return { registries: parsed.registries ?? [], logout: parsed.logout ?? false };
}
