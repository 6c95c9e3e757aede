import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type Finding, lintSources } from "@shipshape/core";
import { beforeAll, describe, expect, it } from "vitest";
import { terraformOptions } from "@shipshape/project";

// No services: this file only reads the corpus beside it (see SOURCES.md).
const corpus = import.meta.dirname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".tf") ? [relative(corpus, path)] : [];
  });
}

let findings: Finding[];
beforeAll(async () => {
  const files = filesUnder(corpus);
  const sources = files.map((file) => ({ file, text: readFileSync(join(corpus, file), "utf8") }));
  const report = lintSources(sources, await terraformOptions(files, corpus));
  expect(report.checkedFiles).toHaveLength(files.length);
  findings = report.findings;
});

function of(ruleId: string, dir: string): [number, number][] {
  return findings.filter((finding) => finding.ruleId === ruleId && finding.file.startsWith(`${dir}/`)).map(({ line, column }) => [line, column]);
}

describe("trivy's Terraform examples keep their verdicts", () => {
  it.each([
    ["ecr-scan-on-push", "trivy/ecr-enable_image_scans/good", []],
    ["ecr-scan-on-push", "trivy/ecr-enable_image_scans/bad", [[4, 20]]],
    ["ecr-tag-immutability", "trivy/ecr-enforce_immutable_repository/good", []],
    ["ecr-tag-immutability", "trivy/ecr-enforce_immutable_repository/bad", [[3, 26]]],
    ["ecr-kms-encryption", "trivy/ecr-repository_customer_key/good", []],
    ["ecr-kms-encryption", "trivy/ecr-repository_customer_key/bad-1", [[1, 1]]],
    // trivy: bad (the AWS managed key); ecr-kms-encryption accepts KMS without a key (SOURCES.md).
    ["ecr-kms-encryption", "trivy/ecr-repository_customer_key/bad-2", []],
    ["cluster-container-insights", "trivy/ecs-enable_container_insight/good", []],
    ["cluster-container-insights", "trivy/ecs-enable_container_insight/bad", [[1, 1]]],
    ["efs-transit-encryption", "trivy/ecs-enable_in_transit_encryption/good", []],
    ["efs-transit-encryption", "trivy/ecs-enable_in_transit_encryption/bad", [[5, 5]]],
    ["no-plaintext-secrets", "trivy/ecs-no_plaintext_secrets/good", []],
    ["no-plaintext-secrets", "trivy/ecs-no_plaintext_secrets/bad", [[8, 48]]],
  ] as [string, string, [number, number][]][])("%s on %s", (ruleId, dir, expected) => {
    expect(of(ruleId, dir)).toEqual(expected);
  });
});

describe("cloudposse's container-definition module, called from its example", () => {
  it("reports each container where the task definition takes the module's output", () => {
    const example = "cloudposse/examples/multiple_definitions/main.tf";
    const byRule = findings
      .filter((finding) => finding.file === example)
      .map(({ ruleId, line, resource }) => `${line} ${ruleId} ${resource}`);
    expect(byRule).toEqual(
      expect.arrayContaining([
        "52 image-tag-pinned aws_ecs_task_definition.task",
        "53 image-tag-pinned aws_ecs_task_definition.task",
        "52 read-only-root-filesystem aws_ecs_task_definition.task",
      ]),
    );
    expect(findings.filter((finding) => finding.file.startsWith("cloudposse/") && finding.file !== example)).toEqual([]);
  });
});
