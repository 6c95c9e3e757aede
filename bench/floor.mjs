// The floor of a lint run: a node process that reads every file and parses it (JSON.parse, or the
// `yaml` package for YAML), with no rules. Timed from outside like the linters, start-up included.
//   node bench/floor.mjs FILE|DIR ...
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";

function* files(path) {
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)))
    yield* files(join(path, entry.name));
}

let parsed = 0;
for (const path of process.argv.slice(2)) {
  for (const file of files(path)) {
    const text = readFileSync(file, "utf8");
    if (file.endsWith(".json")) JSON.parse(text);
    else if (/\.ya?ml$/.test(file))
      parseYaml(text, { logLevel: "silent" }); // !Ref and friends stay unresolved tags
    else continue;
    parsed++;
  }
}
console.log(JSON.stringify({ parsed }));
