import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { glob } from "tinyglobby";
import { isLintableFileName } from "@shipshape/core";

/** A problem with what the user asked for (a path, an option, a config file): exit code 2, no stack trace. */
export class UsageError extends Error {}

const alwaysSkipped = new Set(["node_modules", ".git", "cdk.out.tmp", ".terraform"]);

/**
 * The files to lint: files as given, directories walked (only JSON, YAML and .tf files, .gitignore
 * respected), globs expanded. Paths come back relative to `cwd`, as findings show them.
 */
export async function collectFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns.length ? patterns : ["."]) {
    const absolute = resolve(cwd, pattern);
    let kind: "file" | "dir" | "none" = "none";
    try {
      const stats = statSync(absolute);
      kind = stats.isDirectory() ? "dir" : "file";
    } catch {}
    if (kind === "file") found.add(relative(cwd, absolute) || pattern);
    else if (kind === "dir") walk(absolute, cwd, gitignoreChain(absolute), found);
    else if (/[*?[{]/.test(pattern)) {
      for (const file of await glob(pattern, { cwd, ignore: ["**/node_modules/**", "**/.git/**"], dot: true })) found.add(file);
    } else throw new UsageError(`${pattern}: no such file or directory`);
  }
  return [...found].map(toPosix).sort();
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

function walk(dir: string, cwd: string, scopes: IgnoreScope[], found: Set<string>): void {
  const local = readGitignore(dir);
  const active = local ? [...scopes, { dir, rules: local }] : scopes;
  // relative() once per directory, not per file: a directory of 10,000 files paid for it 10,000 times.
  const fromCwd = relative(cwd, dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (alwaysSkipped.has(entry.name)) continue;
    const isDir = entry.isDirectory();
    if (active.length > 0) {
      const path = join(dir, entry.name);
      if (active.some(({ dir: base, rules }) => rules.ignores(toPosix(relative(base, path)) + (isDir ? "/" : "")))) continue;
    }
    if (isDir) walk(join(dir, entry.name), cwd, active, found);
    // An entry's name holds no separator and fromCwd is normalized, so joining is concatenating.
    else if (entry.isFile() && isLintableFileName(entry.name)) found.add(fromCwd === "" ? entry.name : `${fromCwd}${sep}${entry.name}`);
  }
}

/**
 * The .gitignore files that apply to `dir` from above it: those of its ancestors up to the
 * repository root (the nearest one holding `.git`), outermost first. Outside a repository, none.
 */
function gitignoreChain(dir: string): IgnoreScope[] {
  if (existsSync(join(dir, ".git"))) return [];
  const ancestors: string[] = [];
  for (let current = dirname(dir); ; current = dirname(current)) {
    ancestors.unshift(current);
    if (existsSync(join(current, ".git"))) break;
    if (dirname(current) === current) return [];
  }
  const chain: IgnoreScope[] = [];
  for (const base of ancestors) {
    const rules = readGitignore(base);
    if (rules) chain.push({ dir: base, rules });
  }
  return chain;
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(dir, ".gitignore"), "utf8"));
  } catch {
    return undefined;
  }
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
