import { describe, expect, it } from "vitest";
import type { MapNode } from "../../document/node.js";
import { parseJson } from "../../document/parse-json.js";
import { makeEcrRepository } from "../../model/resources.js";
import type { Rule } from "../define.js";
import ecrKmsEncryption from "../ecr-kms-encryption.js";
import ecrLifecyclePolicyPresent from "../ecr-lifecycle-policy-present.js";
import ecrScanOnPush from "../ecr-scan-on-push.js";
import ecrTagImmutability from "../ecr-tag-immutability.js";
import { ecrPropertyName } from "./ecr-settings.js";

/**
 * The `values` of an aws_ecr_repository in a Terraform plan: snake_case attributes, nested blocks
 * as lists. Checked directly against the rules, ahead of the Terraform loader.
 */
function terraformRepository(values: Record<string, unknown>, hasLifecyclePolicy = true) {
  const node = parseJson(JSON.stringify(values)) as MapNode;
  return makeEcrRepository(
    { node, file: "plan.json", format: "terraform", name: "aws_ecr_repository.web", suppressed: new Map() },
    hasLifecyclePolicy,
  );
}

function messagesOf(rule: Rule, values: Record<string, unknown>, hasLifecyclePolicy = true): string[] {
  const found: string[] = [];
  rule.check.ecrRepository?.(terraformRepository(values, hasLifecyclePolicy), {
    report: (_node, messageId, data) => found.push(`${messageId}: ${JSON.stringify(data ?? {})}`),
  });
  return found;
}

const planDefaults = {
  name: "web",
  image_tag_mutability: "IMMUTABLE",
  image_scanning_configuration: [{ scan_on_push: true }],
  encryption_configuration: [{ encryption_type: "KMS", kms_key: "" }],
};

describe("ECR repository rules on Terraform plan values", () => {
  it("accept a well-configured repository", () => {
    for (const rule of [ecrScanOnPush, ecrTagImmutability, ecrKmsEncryption, ecrLifecyclePolicyPresent])
      expect(messagesOf(rule, planDefaults), rule.id).toEqual([]);
  });

  it("read scan_on_push inside its one-item block list", () => {
    expect(
      messagesOf(ecrScanOnPush, { ...planDefaults, image_scanning_configuration: [{ scan_on_push: false }] }),
    ).toEqual(['scanOff: {"property":"image_scanning_configuration.scan_on_push","value":"false"}']);
    expect(messagesOf(ecrScanOnPush, { ...planDefaults, image_scanning_configuration: [] })).toEqual([
      'missingConfiguration: {"block":"image_scanning_configuration","property":"image_scanning_configuration.scan_on_push"}',
    ]);
  });

  it("read image_tag_mutability_exclusion_filter blocks", () => {
    const withFilters = (filterType: string) => ({
      ...planDefaults,
      image_tag_mutability: "IMMUTABLE_WITH_EXCLUSION",
      image_tag_mutability_exclusion_filter: [{ filter: "latest", filter_type: filterType }],
    });
    expect(messagesOf(ecrTagImmutability, withFilters("WILDCARD"))).toEqual([]);
    expect(messagesOf(ecrTagImmutability, withFilters("PREFIX"))).toEqual([
      'filterTypeInvalid: {"filter":"image_tag_mutability_exclusion_filter[0]","typeKey":"filter_type","value":"PREFIX"}',
    ]);
    expect(messagesOf(ecrTagImmutability, { ...planDefaults, image_tag_mutability: "MUTABLE" })).toEqual([
      'mutable: {"property":"image_tag_mutability"}',
    ]);
  });

  it("take an empty kms_key as absent and AES256 as the default encryption", () => {
    expect(
      messagesOf(ecrKmsEncryption, {
        ...planDefaults,
        encryption_configuration: [{ encryption_type: "AES256", kms_key: "" }],
      }),
    ).toEqual([
      'aes256: {"block":"encryption_configuration","type":"encryption_configuration.encryption_type","key":"kms_key"}',
    ]);
  });

  it("ask for an aws_ecr_lifecycle_policy when the plan has none for the repository", () => {
    expect(messagesOf(ecrLifecyclePolicyPresent, planDefaults, false)).toEqual([
      'missingPolicy: {"name":"aws_ecr_repository.web","where":"an aws_ecr_lifecycle_policy resource for it"}',
    ]);
  });
});

describe("ecrPropertyName", () => {
  it.each([
    ["ecs-json", "imageScanningConfiguration.scanOnPush"],
    ["cloudformation", "ImageScanningConfiguration.ScanOnPush"],
    ["terraform", "image_scanning_configuration.scan_on_push"],
  ] as const)("spells a path as %s does", (format, expected) => {
    expect(ecrPropertyName(format, "imageScanningConfiguration.scanOnPush")).toBe(expected);
  });
});
