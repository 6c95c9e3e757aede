// Differential check of the fast YAML reader over real files: every .yaml/.yml/.json/.template
// file that the yaml package path reads (packages/core parseYamlWithPackage) must read the same
// with @shipshape/fast-yaml (values, tags, offsets), or be declined. Takes folders or bare git
// directories (read at HEAD). Needs built lib/ folders (npx turbo run build).
//   node scripts/yaml-corpus-check.mjs DIR_OR_GIT_DIR... [--list]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { described } from "./yaml-tree.mjs";

const root = new URL("..", import.meta.url).pathname;
const { parseYamlFast } = await import(`${root}packages/fast-yaml/lib/index.js`);
const { parseYamlWithPackage, parseYamlDocuments } = await import(`${root}packages/core/lib/document/parse-yaml.js`);

const wanted = /\.(ya?ml|json|template)$/i;

function* filesOf(source) {
  if (existsSync(join(source, "HEAD")) && existsSync(join(source, "objects"))) {
    const listing = execFileSync("git", ["--git-dir", source, "ls-tree", "-r", "-z", "HEAD"], { maxBuffer: 1 << 28 });
    for (const line of listing.toString("utf8").split("\0")) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
      if (!match || !wanted.test(match[2])) continue;
      let text;
      try {
        text = execFileSync("git", ["--git-dir", source, "cat-file", "blob", match[1]], { maxBuffer: 1 << 28, stdio: "pipe" });
      } catch {
        continue; // a blob the copy lacks (large files may be left out)
      }
      yield [match[2], text.toString("utf8")];
    }
    return;
  }
  for (const entry of readdirSync(source, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && wanted.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      yield [path.slice(source.length + 1), readFileSync(path, "utf8")];
    }
}


const args = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const list = process.argv.includes("--list");
const totals = { files: 0, same: 0, declined: 0, packageRefuses: 0, multiDocument: 0, different: 0 };
for (const source of args) {
  const counts = { files: 0, same: 0, declined: 0, packageRefuses: 0, multiDocument: 0, different: 0 };
  for (const [file, text] of filesOf(source)) {
    counts.files++;
    let reference;
    try {
      reference = described(parseYamlWithPackage(text));
    } catch {
      let documents = 0;
      try {
        documents = parseYamlDocuments(text).length;
      } catch {}
      if (documents > 1) counts.multiDocument++;
      else counts.packageRefuses++;
      if (list) console.log(`  ${documents > 1 ? "multi-document" : "package refuses"}: ${file}`);
      if (parseYamlFast(text) !== undefined) {
        counts.different++;
        console.log(`  DIFFERENT (fast reads what the package path refuses): ${file}`);
      }
      continue;
    }
    const fast = parseYamlFast(text);
    if (fast === undefined) {
      counts.declined++;
      if (list) console.log(`  declined: ${file}`);
    } else if (isDeepStrictEqual(described(fast), reference)) counts.same++;
    else {
      counts.different++;
      console.log(`  DIFFERENT: ${file}`);
    }
  }
  console.log(`${source}: ${JSON.stringify(counts)}`);
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}
console.log(`total: ${JSON.stringify(totals)}`);
process.exitCode = totals.different > 0 ? 1 : 0;
