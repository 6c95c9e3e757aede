// What the main step leaves for the post step.
import { readJsonState, saveJsonState } from "@shipshape/action-kit";

export interface PostState {
  /** Registries docker logged in to, to log out of. */
  registries: string[];
  logout: boolean;
}

const POST_STATE = "post";

export function savePostState(state: PostState): void {
  saveJsonState(POST_STATE, state);
}

export function readPostState(): PostState {
  const saved = readJsonState<Partial<PostState>>(POST_STATE);
  return { registries: saved?.registries ?? [], logout: saved?.logout ?? false };
}
