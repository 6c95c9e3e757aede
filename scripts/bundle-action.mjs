// Bundles the action in the working directory: lib/index.js (tsc output) -> dist/index.js with
// @vercel/ncc, minified, with the licenses of what it bundles in dist/licenses.txt.
// What the action loads later with import() (the AWS SDK, the lint engine) ncc writes as chunks
// beside it (dist/<id>.index.js). Two things ncc does right for index.js alone are done here:
// minifying the chunks (with the options ncc gives terser for index.js), and licenses.txt (ncc's
// --license writes one list per chunk to the same file name, so only the last chunk's would stay).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { minify } from "terser";

const require = createRequire(import.meta.url);
const ncc = require.resolve("@vercel/ncc/dist/ncc/cli.js");
const repoRoot = resolve(import.meta.dirname, "..");
const actionDir = process.cwd();
if (!existsSync("lib/index.js")) throw new Error(`${actionDir}: lib/index.js is missing: run the build first`);
rmSync("dist", { recursive: true, force: true });
const scratch = mkdtempSync(join(tmpdir(), "shipshape-bundle-"));
const statsFile = join(scratch, "stats.json");
execFileSync(process.execPath, [ncc, "build", "lib/index.js", "--out", "dist", "--minify", "--target", "es2022", "--stats-out", statsFile, "--quiet"], { stdio: "inherit" });

const chunks = readdirSync("dist").filter((name) => name.endsWith(".js") && name !== "index.js");
for (const chunk of chunks) {
  const file = `dist/${chunk}`;
  const { code } = await minify(readFileSync(file, "utf8"), {
    module: true,
    compress: false,
    mangle: { keep_classnames: true, keep_fnames: true },
  });
  writeFileSync(file, code);
}

writeFileSync("dist/licenses.txt", renderLicenses(bundledPackages(JSON.parse(readFileSync(statsFile, "utf8")))));
rmSync(scratch, { recursive: true, force: true });
console.log(`${actionDir.split("/").slice(-2).join("/")}/dist: ${readdirSync("dist").join(", ")}`);

/** The packages (nearest package.json with a name) of every file in the bundle, but the action's and the repository's own. */
function bundledPackages(stats) {
  const files = new Set();
  const visit = (module) => {
    if (module.nameForCondition) files.add(module.nameForCondition);
    for (const inner of module.modules ?? []) visit(inner);
  };
  // A module in no chunk was analysed, then left out (an unused import of a side-effect-free package).
  for (const module of stats.modules) if (module.chunks.length > 0) visit(module);
  const packages = new Map();
  for (const file of files) {
    const dir = packageDir(dirname(file));
    if (dir && dir !== actionDir && dir !== repoRoot && !packages.has(dir)) packages.set(dir, readPackageJson(dir));
  }
  return [...packages].map(([dir, packageJson]) => ({ dir, packageJson }));
}

function readPackageJson(dir) {
  const file = join(dir, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

function packageDir(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    if (readPackageJson(dir)?.name) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** As license-webpack-plugin (ncc's --license) writes them: name, license id, license text, sorted by name. */
function renderLicenses(packages) {
  const entries = packages.map(({ dir, packageJson }) => {
    const { name, license, licenses } = packageJson;
    const id = typeof license === "string" ? license : (license?.type ?? licenses?.map((entry) => entry.type).join(" OR "));
    const seeFile = typeof id === "string" && id.startsWith("SEE LICENSE IN ") ? id.split(" ")[3] : undefined;
    const licenseFile =
      seeFile ??
      readdirSync(dir)
        .sort()
        .find((entry) => /^licen[cs]e/i.test(entry) && statSync(join(dir, entry)).isFile());
    const text = licenseFile && existsSync(join(dir, licenseFile)) ? readFileSync(join(dir, licenseFile), "utf8").replace(/\r\n/g, "\n") : "";
    return { name, id, text };
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  return `${entries.map(({ name, id, text }) => `${name}${id ? `\n${id}` : ""}${text ? `\n${text}` : ""}\n\n`).join("").trim()}\n`;
}
