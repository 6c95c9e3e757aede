// Bundles the action in the working directory: lib/index.js (tsc output) -> dist/index.js with
// @vercel/ncc, minified, with the licenses of what it bundles in dist/licenses.txt.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ncc = require.resolve("@vercel/ncc/dist/ncc/cli.js");
if (!existsSync("lib/index.js")) throw new Error(`${process.cwd()}: lib/index.js is missing: run the build first`);
rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [ncc, "build", "lib/index.js", "--out", "dist", "--minify", "--license", "licenses.txt", "--target", "es2022", "--quiet"], { stdio: "inherit" });
console.log(`${process.cwd().split("/").slice(-2).join("/")}/dist: ${readdirSync("dist").join(", ")}`);
