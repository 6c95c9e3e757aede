// Writes test/corpus/peers/kics/cases.json from the KICS test files kept there: a CloudFormation
// case is <platform>/<query>/<positive|negative>N.<ext>; a Terraform case is a module directory,
// terraform/<query>/<positive|negative>N/main.tf, from KICS's test/<positive|negative>N.tf.
//   node bench/peer-cases/list-kics.mjs
import { readdirSync, writeFileSync } from "node:fs";
import { repoRoot } from "../peers.mjs";

/** Each query's name, as its metadata.json gives it (`queryName`): what a rule's `peers.kics` holds. */
const queryNames = {
  ecr_image_tag_not_immutable: "ECR Image Tag Not Immutable",
  ecr_repository_is_publicly_accessible: "ECR Repository Is Publicly Accessible",
  ecs_cluster_container_insights_disabled: "ECS Cluster with Container Insights Disabled",
  ecs_services_assigned_with_public_ip_address: "ECS Services assigned with public IP address",
  ecs_task_definition_healthcheck_missing: "ECS Task Definition HealthCheck Missing",
  ecs_task_definition_invalid_cpu_or_memory: "ECS Task Definition Invalid CPU or Memory",
  ecs_task_definition_network_mode_not_recommended: "ECS Task Definition Network Mode Not Recommended",
  ecs_task_definition_volume_not_encrypted: "ECS Task Definition Volume Not Encrypted",
  ecs_task_definition_with_plaintext_password: "ECS Task Definition Container With Plaintext Password",
};
const kicsFolders = { cloudformation: "cloudFormation", terraform: "terraform" };

const dir = `${repoRoot}test/corpus/peers/kics`;
const cases = [];
for (const [platform, kicsFolder] of Object.entries(kicsFolders)) {
  for (const query of readdirSync(`${dir}/${platform}`).sort()) {
    if (!queryNames[query]) throw new Error(`${query}: add its queryName to queryNames`);
    for (const entry of readdirSync(`${dir}/${platform}/${query}`).sort()) {
      const terraform = platform === "terraform";
      cases.push({
        peerId: queryNames[query],
        file: `${platform}/${query}/${entry}${terraform ? "/main.tf" : ""}`,
        source: `assets/queries/${kicsFolder}/aws/${query}/test/${entry}${terraform ? ".tf" : ""}`,
        expected: entry.startsWith("positive") ? "positive" : "negative",
      });
    }
  }
}
writeFileSync(`${dir}/cases.json`, `${JSON.stringify(cases, null, 2)}\n`);
console.log(`${cases.length} cases written to ${dir}/cases.json`);
