import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Io } from "./io.js";
import { run } from "./main.js";

/** A temp directory holding `files` (path -> content). */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "shipshape-cli-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs a command line in `cwd` and captures what it prints. */
export async function cli(cwd: string, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    color: false,
    writeFile: (path, text) => {
      written[path] = text;
    },
  };
  const exitCode = await run(argv, io);
  return { exitCode, stdout, stderr, written };
}
