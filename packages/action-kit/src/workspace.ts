// Paths that inputs name are read relative to the checkout (GITHUB_WORKSPACE).
import { isAbsolute, relative, resolve } from "node:path";

/** GITHUB_WORKSPACE, or the working directory outside a runner. */
export function workspaceOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_WORKSPACE || process.cwd();
}

export interface WorkspacePath {
  /** Absolute. */
  path: string;
  /** Relative to the workspace when inside it, as annotations and messages show it. */
  shownPath: string;
}

export function inWorkspace(value: string, workspace: string): WorkspacePath {
  const path = isAbsolute(value) ? value : resolve(workspace, value);
  return { path, shownPath: relative(workspace, path) || path };
}
