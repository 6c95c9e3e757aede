// Files an action's dist/ ships beside index.js, copied as their packages publish them: what a
// bundle cannot hold, such as the WebAssembly of the Terraform parser (web-tree-sitter's runtime,
// with the ES module that loads it, and the HCL grammar). The action's package.json names them:
//   "bundleAssets": { "<package>": ["<file in the package>", ...] }
// Each lands in dist/ under its own file name, and its package's license is added to
// dist/licenses.txt in ncc's layout (name, license id, text), so a rebuild gives the same bytes.
import { appendFileSync, chmodSync, copyFileSync, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";

/** Copies the assets `actionDir`/package.json names into `distDir`; returns their file names. */
export function copyBundleAssets(actionDir, distDir) {
  const manifest = JSON.parse(readFileSync(join(actionDir, "package.json"), "utf8"));
  const copied = [];
  for (const [packageName, files] of Object.entries(manifest.bundleAssets ?? {})) {
    const packageDir = installedPackageDir(packageName, actionDir);
    for (const file of files) {
      const name = basename(file);
      if (copied.includes(name)) throw new Error(`bundleAssets: two assets are named ${name}`);
      copyFileSync(join(packageDir, file), join(distDir, name));
      chmodSync(join(distDir, name), 0o644); // whatever mode the install gave it: git records the mode

      copied.push(name);
    }
    addLicense(join(distDir, "licenses.txt"), packageName, packageDir);
  }
  return copied;
}

/**
 * The package's directory in node_modules, found as Node looks a package up from `fromDir`
 * (not through require.resolve: its exports map need not list package.json or these files).
 */
function installedPackageDir(packageName, fromDir) {
  const lookup = createRequire(join(fromDir, "package.json")).resolve.paths(packageName) ?? [];
  const found = lookup.map((dir) => join(dir, packageName)).find((dir) => existsSync(join(dir, "package.json")));
  if (!found) throw new Error(`bundleAssets: ${packageName} is not installed (npm ci first)`);
  return found;
}

function addLicense(licensesFile, packageName, packageDir) {
  const listed = existsSync(licensesFile) ? readFileSync(licensesFile, "utf8") : "";
  if (listed.startsWith(`${packageName}\n`) || listed.includes(`\n\n${packageName}\n`)) return;
  const { license } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const text = readFileSync(join(packageDir, "LICENSE"), "utf8").trim();
  const separator = !listed ? "" : listed.endsWith("\n") ? "\n" : "\n\n";
  appendFileSync(licensesFile, `${separator}${packageName}\n${license}\n${text}\n`);
}
