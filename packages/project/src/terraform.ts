import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { isTerraformFileName, type LintOptions } from "@shipshape/core";

/** Larger files that file() names are not read (container definitions are a few kilobytes). */
const MAX_READ_BYTES = 4 * 1024 * 1024;

/**
 * What lintSources needs to read .tf files: the tree-sitter HCL parser (WebAssembly, so loaded
 * here and only when a .tf file is among the files, keeping other runs' start-up as it was) and
 * a reader for the files file() and templatefile() name, kept inside the working directory and
 * the directories of the .tf files.
 */
export async function terraformOptions(files: readonly string[], cwd: string): Promise<Pick<LintOptions, "terraform" | "readFile">> {
  const terraformFiles = files.filter(isTerraformFileName);
  if (!terraformFiles.length) return {};
  const require = createRequire(import.meta.url);
  // Through require: the bundlers (ncc for the actions, esbuild for the CLI) keep web-tree-sitter's
  // CommonJS build as it is, whose Node start-up needs no import.meta.
  const { Language, Parser } = require("web-tree-sitter") as typeof import("web-tree-sitter");
  const { terraformSupport } = await import(/* webpackMode: "eager" */ "@shipshape/core/terraform");
  await Parser.init({ wasmBinary: readFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm")) });
  const grammar = await Language.load(readFileSync(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm")));
  const parser = new Parser();
  parser.setLanguage(grammar);
  const allowed = [cwd, ...terraformFiles.map((file) => dirname(resolve(cwd, file)))].map(real);
  return {
    terraform: terraformSupport(parser),
    readFile: (path) => {
      try {
        const absolute = real(resolve(cwd, path));
        if (!allowed.some((dir) => isInside(absolute, dir))) return undefined;
        if (statSync(absolute).size > MAX_READ_BYTES) return undefined;
        return readFileSync(absolute, "utf8");
      } catch {
        return undefined;
      }
    },
  };
}

const MAX_MODULE_DIRS = 200;

/**
 * The files plus the .tf files of the local modules they call (`source = "../modules/x"`), so
 * linting an example reads the module it uses; only directories inside the working directory.
 */
export function withLocalModules(files: readonly string[], cwd: string): string[] {
  const terraformFiles = files.filter(isTerraformFileName);
  if (!terraformFiles.length) return [...files];
  const found = new Set(files);
  const visited = new Set(terraformFiles.map((file) => dirname(resolve(cwd, file))));
  const root = real(cwd);
  const queue = [...terraformFiles];
  while (queue.length && visited.size < MAX_MODULE_DIRS) {
    const file = queue.shift()!;
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), "utf8");
    } catch {
      continue;
    }
    for (const [, source] of text.matchAll(/^\s*source\s*=\s*"(\.\.?\/[^"]*)"/gm)) {
      const dir = resolve(cwd, dirname(file), source!);
      if (visited.has(dir) || !isInside(real(dir), root)) continue;
      visited.add(dir);
      for (const name of safeList(dir)) {
        const path = relative(cwd, resolve(dir, name)).split(sep).join("/");
        if (!isTerraformFileName(name) || found.has(path)) continue;
        found.add(path);
        queue.push(path);
      }
    }
  }
  return [...found].sort();
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isFile() ? [entry.name] : []));
  } catch {
    return [];
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isInside(path: string, dir: string): boolean {
  const fromDir = relative(dir, path);
  return fromDir === "" || (!fromDir.startsWith("..") && !isAbsolute(fromDir));
}
