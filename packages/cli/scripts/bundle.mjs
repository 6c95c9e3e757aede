// One file for the `shipshape` bin: resolving and loading ~80 modules costs more at start-up
// than linting a file does, and a single ESM bundle halves the CLI's cold start.
import { build } from "esbuild";

await build({
  entryPoints: ["lib/main.js"],
  outfile: "lib/shipshape.bundle.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  // The Terraform parser (WebAssembly) is imported only when a .tf file is linted; bundled, its
  // 150 kB of JavaScript would be parsed by every run.
  external: ["web-tree-sitter"],
  logLevel: "warning",
  // CommonJS dependencies bundled into ESM still call require() for node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
