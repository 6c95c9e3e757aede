import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
import type { TerraformParser } from "../syntax.js";

const require = createRequire(import.meta.url);

/** The parser the CLI injects, built the same way for tests: web-tree-sitter with tree-sitter-hcl. */
export async function testParser(): Promise<TerraformParser> {
  await Parser.init();
  const grammar = readFileSync(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm"));
  const parser = new Parser();
  parser.setLanguage(await Language.load(grammar));
  return parser;
}
