// Bundles the action in the working directory: lib/index.js (tsc output) -> dist/index.js with
// @vercel/ncc, minified, with the licenses of what it bundles in dist/licenses.txt (ncc --license).
// One file per action, the same for main and post: modules an action loads late (the AWS SDK, the
// lint engine) are imported with webpackMode "eager", so they sit in index.js and run only when
// imported. A chunk file beside index.js means someone wrote a lazy import() without it: refused,
// since chunk names change with the source and make check-dist diffs unreadable. Files the action's
// package.json lists under bundleAssets are copied beside index.js as published (scripts/bundle-assets.mjs).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { copyBundleAssets } from "./bundle-assets.mjs";

const require = createRequire(import.meta.url);
const ncc = require.resolve("@vercel/ncc/dist/ncc/cli.js");
const actionDir = process.cwd();
const name = actionDir.split("/").slice(-2).join("/");
if (!existsSync("lib/index.js")) throw new Error(`${actionDir}: lib/index.js is missing: run the build first`);
rmSync("dist", { recursive: true, force: true });
execFileSync(
  process.execPath,
  [ncc, "build", "lib/index.js", "--out", "dist", "--minify", "--target", "es2022", "--license", "licenses.txt", "--quiet"],
  { stdio: "inherit" },
);
const assets = copyBundleAssets(actionDir, "dist");
const files = readdirSync("dist");
const chunks = files.filter((file) => file.endsWith(".js") && file !== "index.js" && !assets.includes(file));
if (chunks.length > 0) {
  throw new Error(
    `${name}/dist: chunk files ${chunks.join(", ")}: write late imports as import(/* webpackMode: "eager" */ "...")`,
  );
}
console.log(`${name}/dist: ${files.join(", ")}`);
