// Adds to package-lock.json the entries of platform packages (biome's and turbo's builds for other
// systems) that the registry this project's machines reach does not serve, so `npm install` here
// leaves them out and `npm ci` then refuses the lock. An entry holds the version and the os/cpu/libc
// the package's name says, which is all npm needs to skip it here and fetch it elsewhere.
// Run after `npm install` changes the lock; `--check` exits 1 when entries are missing.
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const platformName = /(android|darwin|linux|win32|windows|freebsd)-(arm64|x64|64|ia32|arm)(-musl)?$/;

const missing = [];
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const match = platformName.exec(name);
    if (!match || lock.packages[`node_modules/${name}`]) continue;
    const os = match[1] === "windows" ? "win32" : match[1];
    const entry = { version, cpu: [match[2] === "64" ? "x64" : match[2]] };
    if (meta.dev) entry.dev = true;
    if (os === "linux") entry.libc = [match[3] ? "musl" : "glibc"];
    Object.assign(entry, { optional: true, os: [os] });
    missing.push([`node_modules/${name}`, entry]);
  }
}

if (process.argv.includes("--check")) {
  if (missing.length) {
    console.error(`package-lock.json lacks ${missing.map(([key]) => key).join(", ")}: run node scripts/complete-lock.mjs`);
    process.exit(1);
  }
  process.exit(0);
}
for (const [key, entry] of missing) lock.packages[key] = entry;
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : 1))]);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(missing.length ? `added ${missing.map(([key]) => key.slice(13)).join(", ")}` : "nothing missing");
