// One file for the `shipshape` bin: resolving and loading ~80 modules costs more at start-up
// than linting a file does, and a single ESM bundle halves the CLI's cold start. The Terraform
// loader is imported only when a .tf file is linted, so it is a bundle of its own beside it
// (lib/terraform.bundle.mjs) that other runs never read; the WebAssembly parser
// (web-tree-sitter) stays in node_modules. The `yaml` package, likewise, is lib/yaml.bundle.cjs,
// required only when a YAML file needs it (scripts/yaml-on-demand.mjs).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  external: ["web-tree-sitter"],
  // CommonJS dependencies bundled into ESM still call require() for node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

const terraformBeside = {
  name: "terraform-beside",
  setup(on) {
    on.onResolve({ filter: /^@shipshape\/core\/terraform$/ }, () => ({ path: "./terraform.bundle.mjs", external: true }));
  },
};

const yamlOnDemand = {
  name: "yaml-on-demand",
  setup(on) {
    on.onResolve({ filter: /^yaml$/ }, () => ({ path: fileURLToPath(new URL("yaml-on-demand.mjs", import.meta.url)) }));
  },
};

await build({ ...common, entryPoints: ["lib/main.js"], outfile: "lib/shipshape.bundle.mjs", plugins: [terraformBeside, yamlOnDemand] });
await build({
  ...common,
  format: "cjs",
  banner: {},
  entryPoints: [createRequire(createRequire(import.meta.url).resolve("@shipshape/core")).resolve("yaml")],
  outfile: "lib/yaml.bundle.cjs",
});
await build({
  ...common,
  entryPoints: [createRequire(import.meta.url).resolve("@shipshape/core/terraform")],
  outfile: "lib/terraform.bundle.mjs",
});
