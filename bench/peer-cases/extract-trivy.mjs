// Turns trivy-checks' ECS and ECR examples into files for the peer-fixture harness. Each check
// keeps its good and bad examples, per language, in checks/cloud/aws/<service>/<check>.yaml; the
// check's id (AWS-00NN, shown as AVD-AWS-00NN) is in the metadata of <check>.rego.
//   node bench/peer-cases/extract-trivy.mjs /path/to/trivy-checks-checkout OUT_DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parse } from "yaml";
import { regoTests } from "./trivy-rego-tests.mjs";

const [checkout, outDir] = process.argv.slice(2);
// A Terraform module is a directory, so each Terraform example gets its own (examples reuse resource names).
const fileNames = {
  cloudformation: (verdict, index) => `cloudformation-${verdict}-${index}.yaml`,
  terraform: (verdict, index) => `terraform-${verdict}-${index}/main.tf`,
};
const cases = [];
for (const service of ["ecs", "ecr"]) {
  const dir = `${checkout}/checks/cloud/aws/${service}`;
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".yaml"))) {
    const check = name.slice(0, -".yaml".length);
    const id = readFileSync(`${dir}/${check}.rego`, "utf8").match(/^#\s+id:\s+(AWS-\d+)/m)?.[1];
    const examples = parse(readFileSync(`${dir}/${name}`, "utf8"));
    for (const [language, fileName] of Object.entries(fileNames)) {
      for (const verdict of ["good", "bad"]) {
        (examples[language]?.[verdict] ?? []).forEach((source, index) => {
          const file = `${service}/${check}/${fileName(verdict, index)}`;
          mkdirSync(dirname(`${outDir}/${file}`), { recursive: true });
          writeFileSync(`${outDir}/${file}`, source.endsWith("\n") ? source : `${source}\n`);
          cases.push({
            peerId: `AVD-${id}`,
            file,
            source: `checks/cloud/aws/${service}/${name} (${language}.${verdict}[${index}])`,
            expected: verdict === "bad" ? "positive" : "negative",
          });
        });
      }
    }
  }
}
for (const [check, tests] of Object.entries(regoTests)) {
  const rego = `${checkout}/checks/cloud/aws/${check}`;
  const id = readFileSync(`${rego}.rego`, "utf8").match(/^#\s+id:\s+(AWS-\d+)/m)?.[1];
  const testSource = readFileSync(`${rego}_test.rego`, "utf8");
  for (const [test, resource] of Object.entries(tests)) {
    if (!testSource.includes(`${test} if`)) throw new Error(`${check}_test.rego has no ${test}`);
    const file = `${check}/rego-${test}.json`;
    const template = { AWSTemplateFormatVersion: "2010-09-09", Resources: { Example: resource } };
    writeFileSync(`${outDir}/${file}`, `${JSON.stringify(template, null, 2)}\n`);
    cases.push({
      peerId: `AVD-${id}`,
      file,
      source: `checks/cloud/aws/${check}_test.rego (${test}, translated to CloudFormation)`,
      expected: test.startsWith("test_deny") ? "positive" : "negative",
    });
  }
}
writeFileSync(`${outDir}/cases.json`, `${JSON.stringify(cases, null, 2)}\n`);
console.log(`${cases.length} cases written to ${outDir}`);
