// only-changed: the files a pull request adds, changes or renames, from the git history already
// in the checkout (nothing is fetched). When git cannot tell (not a pull request, a shallow
// clone without the base commit), every selected file is linted and the reason is given.
import { readFileSync } from "node:fs";
import * as exec from "@actions/exec";
import type { EventContext } from "./context.js";

export type ChangedFiles =
  | { kind: "changed"; files: Set<string>; base: string; head: string }
  /** Why the step lints every selected file instead. */
  | { kind: "all"; reason: string };

const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];
const ADVICE = "check out with actions/checkout's fetch-depth: 0 to lint only the changed files";

/** What the pull request changed, relative to the workspace, or why that cannot be told. */
export async function changedFiles(event: EventContext, workspace: string): Promise<ChangedFiles> {
  if (!PULL_REQUEST_EVENTS.includes(event.name))
    return {
      kind: "all",
      reason: `${event.name ? `a ${event.name} event` : "this run"} is not a pull request; linting every selected file`,
    };
  const range = pullRequestRange(event.payloadPath);
  if (typeof range === "string") return { kind: "all", reason: `${range}; linting every selected file` };
  const { base, head } = range;

  const repository = await git(["rev-parse", "--is-inside-work-tree"], workspace);
  if (repository.exitCode !== 0)
    return {
      kind: "all",
      reason: `the workspace is not a git checkout (${firstLine(repository.stderr)}); linting every selected file`,
    };
  for (const [name, sha] of [
    ["base", base],
    ["head", head],
  ] as const) {
    if (!(await hasCommit(sha, workspace)))
      return {
        kind: "all",
        reason: `the pull request's ${name} commit ${sha.slice(0, 12)} is not in this clone (a shallow checkout); linting every selected file: ${ADVICE}`,
      };
  }
  const diff = await git(
    ["diff", "--name-only", "--diff-filter=ACMR", "--relative", "-z", `${base}...${head}`],
    workspace,
  );
  if (diff.exitCode !== 0) {
    const why = firstLine(diff.stderr) || `git diff exited with ${diff.exitCode}`;
    return {
      kind: "all",
      reason: `git cannot compare ${base.slice(0, 12)}...${head.slice(0, 12)} (${why}); linting every selected file: ${ADVICE}`,
    };
  }
  return { kind: "changed", files: new Set(diff.stdout.split("\0").filter(Boolean)), base, head };
}

/** base.sha and head.sha of the event payload, or what is wrong with it. */
function pullRequestRange(payloadPath: string): { base: string; head: string } | string {
  if (!payloadPath) return "GITHUB_EVENT_PATH is not set";
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(payloadPath, "utf8"));
  } catch (error) {
    return `cannot read the event payload ${payloadPath} (${error instanceof Error ? error.message : String(error)})`;
  }
  const pullRequest = (payload as { pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } } })
    .pull_request;
  const base = pullRequest?.base?.sha;
  const head = pullRequest?.head?.sha;
  if (typeof base !== "string" || typeof head !== "string" || !base || !head)
    return "the event payload has no pull_request.base.sha and head.sha";
  return { base, head };
}

async function hasCommit(sha: string, workspace: string): Promise<boolean> {
  return (await git(["cat-file", "-e", `${sha}^{commit}`], workspace)).exitCode === 0;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

function git(args: string[], cwd: string): Promise<exec.ExecOutput> {
  return exec.getExecOutput("git", args, { cwd, silent: true, ignoreReturnCode: true });
}
