// Paths that inputs name are read relative to the checkout (GITHUB_WORKSPACE), and must stay in
// it: a pull request must not point a step at /etc/passwd, at ../../ of the runner, or at a
// symlink that leads out. The refusal names the input's path, never anything read from a file.
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/** GITHUB_WORKSPACE, or the working directory outside a runner. */
export function workspaceOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_WORKSPACE || process.cwd();
}

export interface WorkspacePath {
  /** Absolute, symlinks resolved as far as the path exists. */
  path: string;
  /** Relative to the workspace when inside it, as annotations and messages show it. */
  shownPath: string;
}

export class OutsideWorkspace extends Error {
  constructor(value: string, how: string) {
    super(
      `${JSON.stringify(value)} ${how} the workspace (GITHUB_WORKSPACE): give a path inside the repository checkout`,
    );
    this.name = "OutsideWorkspace";
  }
}

/**
 * The path of `value` inside `workspace`; throws OutsideWorkspace when it resolves outside it,
 * symlinks included (the path's longest existing part is resolved with realpath). `alsoInside`
 * names other directories a path may be in (RUNNER_TEMP, where an earlier step of the job wrote
 * it); such a path is shown whole.
 */
export function inWorkspace(value: string, workspace: string, alsoInside: readonly string[] = []): WorkspacePath {
  const root = realExisting(resolve(workspace));
  const others = alsoInside.map((dir) => realExisting(resolve(dir)));
  const lexical = isAbsolute(value) ? value : resolve(workspace, value);
  const inside = (path: string) => contains(root, path) || others.some((dir) => contains(dir, path));
  if (!contains(resolve(workspace), lexical) && !inside(lexical)) throw new OutsideWorkspace(value, "is outside");
  const path = realExisting(lexical);
  if (!inside(path)) throw new OutsideWorkspace(value, "leads (through a symbolic link) outside");
  return { path, shownPath: contains(root, path) ? relative(root, path) || "." : path };
}

function contains(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** realpath of the longest existing prefix of `path`, with the rest appended. */
function realExisting(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return resolve(realExisting(parent), relative(parent, path));
  }
}
