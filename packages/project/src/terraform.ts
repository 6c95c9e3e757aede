import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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
  const [{ Language, Parser }, { terraformSupport }] = await Promise.all([
    webTreeSitter(),
    import(/* webpackMode: "eager" */ "@shipshape/core/terraform"),
  ]);
  await Parser.init({ wasmBinary: readFileSync(besideOrInstalled("web-tree-sitter.wasm", "web-tree-sitter")) });
  const grammar = await Language.load(
    readFileSync(besideOrInstalled("tree-sitter-hcl.wasm", "@tree-sitter-grammars/tree-sitter-hcl")),
  );
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

/**
 * web-tree-sitter, never bundled: its ES module finds its runtime through
 * new URL("web-tree-sitter.wasm", import.meta.url), which ncc would turn into an asset of its own
 * (and corrupt, reading it as text). An action's dist/ ships web-tree-sitter.js as it is published,
 * beside index.js (scripts/bundle-assets.mjs); elsewhere it comes from node_modules.
 */
async function webTreeSitter(): Promise<typeof import("web-tree-sitter")> {
  const beside = join(moduleDir(), "web-tree-sitter.js");
  if (existsSync(beside)) return import(/* webpackIgnore: true */ pathToFileURL(beside).href);
  return import(/* webpackIgnore: true */ "web-tree-sitter");
}

/** A file of a package: beside the running module when a bundle ships it there, else in node_modules. */
function besideOrInstalled(file: string, packageName: string): string {
  const beside = join(moduleDir(), file);
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve(`${packageName}/${file}`);
}

function moduleDir(): string {
  return dirname(fileURLToPath(import.meta.url));
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
