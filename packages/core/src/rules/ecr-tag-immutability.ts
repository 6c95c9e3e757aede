import type { Node } from "../document/node.js";
import { Obj } from "../model/obj.js";
import type { EcrRepository, SourceFormat } from "../model/resources.js";
import { defineRule, type RuleContext } from "./define.js";
import { ecrPropertyName, ecrSettingValue } from "./support/ecr-settings.js";

/** PutImageTagMutability / CreateRepository: 1 to 5 filters a repository. */
const MAX_EXCLUSION_FILTERS = 5;
/** ImageTagMutabilityExclusionFilter.filter: 1 to 128 of these characters, `*` the wildcard. */
const FILTER_PATTERN = /^[0-9a-zA-Z._*-]{1,128}$/;
const MUTABILITY_VALUES = ["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"];

type MessageId =
  | "mutableByDefault"
  | "mutable"
  | "mutableWithExclusion"
  | "unknownMutability"
  | "filtersMissing"
  | "tooManyFilters"
  | "filterTypeMissing"
  | "filterTypeInvalid"
  | "filterMissing"
  | "filterInvalid";

export default defineRule<MessageId>({
  id: "ecr-tag-immutability",
  title: "ECR repositories keep image tags immutable",
  severity: "warning",
  description:
    "An ECR repository should set imageTagMutability to IMMUTABLE or IMMUTABLE_WITH_EXCLUSION; the exclusion filters of the *_WITH_EXCLUSION settings must be valid WILDCARD filters.",
  rationale:
    "With mutable tags (ECR's default), a push can move an existing tag such as v1.4.2 to another image, so the image a tag names is not the one that was built, tested or scanned.",
  fix: 'Set imageTagMutability (ImageTagMutability in CloudFormation, image_tag_mutability in Terraform) to "IMMUTABLE", or to "IMMUTABLE_WITH_EXCLUSION" with 1 to 5 WILDCARD exclusion filters for the tags that must move (such as "latest").',
  references: [
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageTagMutabilityExclusionFilter.html",
  ],
  peers: { checkov: "CKV_AWS_51", trivy: "AVD-AWS-0031", securityHub: "ECR.2", kics: "ECR Image Tag Not Immutable" },
  messages: {
    mutableByDefault:
      '{{property}} is not set, so tags are MUTABLE (ECR\'s default) and a push can move an existing tag to another image: set it to "IMMUTABLE" (or "IMMUTABLE_WITH_EXCLUSION" with filters for tags such as latest)',
    mutable:
      '{{property}} is "MUTABLE": a push can move an existing tag to another image; set it to "IMMUTABLE" (or "IMMUTABLE_WITH_EXCLUSION" with filters for tags such as latest)',
    mutableWithExclusion:
      '{{property}} is "MUTABLE_WITH_EXCLUSION": every tag the exclusion filters do not match can still be overwritten; use "IMMUTABLE", or "IMMUTABLE_WITH_EXCLUSION" with filters for the tags that must move',
    unknownMutability:
      '{{property}} is "{{value}}", which ECR does not accept: use "IMMUTABLE" or "IMMUTABLE_WITH_EXCLUSION" (the other values are "MUTABLE" and "MUTABLE_WITH_EXCLUSION")',
    filtersMissing:
      '{{property}} is "{{value}}" but {{filters}} is missing or empty: give 1 to 5 WILDCARD filters naming the excluded tags, or use "{{plain}}"',
    tooManyFilters: "{{filters}} has {{count}} filters; ECR accepts at most 5: merge them with wildcards",
    filterTypeMissing: '{{filter}} has no {{typeKey}}: set it to "WILDCARD"',
    filterTypeInvalid: '{{filter}} has {{typeKey}} "{{value}}": the only type ECR accepts is "WILDCARD"',
    filterMissing: '{{filter}} has no {{valueKey}}: give a tag or a wildcard pattern such as "latest" or "dev-*"',
    filterInvalid:
      '{{filter}} "{{value}}" is not a valid filter: 1 to 128 characters from letters, digits, ".", "_", "-" and the wildcard "*"',
  },
  check: {
    ecrRepository(repository, context) {
      const { report } = context;
      const property = ecrPropertyName(repository.format, "imageTagMutability");
      const mutability = ecrSettingValue(repository.props, "imageTagMutability");
      if (mutability.state === "unknown") return;
      if (mutability.state === "absent") {
        report(repository.props.node, "mutableByDefault", { property });
        return;
      }
      const { node, value } = mutability;
      if (!MUTABILITY_VALUES.includes(value)) {
        report(node, "unknownMutability", { property, value });
        return;
      }
      if (value === "MUTABLE") report(node, "mutable", { property });
      if (value === "MUTABLE_WITH_EXCLUSION") report(node, "mutableWithExclusion", { property });
      if (value.endsWith("_WITH_EXCLUSION")) checkExclusionFilters(repository, node, value, context);
    },
  },
});

function checkExclusionFilters(
  repository: EcrRepository,
  mutabilityNode: Node,
  value: string,
  { report }: RuleContext<MessageId>,
) {
  const { format, props } = repository;
  const property = ecrPropertyName(format, "imageTagMutability");
  // Terraform writes one `image_tag_mutability_exclusion_filter` block per filter.
  const key = props.get("imageTagMutabilityExclusionFilters")
    ? "imageTagMutabilityExclusionFilters"
    : "imageTagMutabilityExclusionFilter";
  const filters = ecrPropertyName(format, key);
  const listNode = props.get(key);
  if (listNode !== undefined && listNode.kind !== "seq" && listNode.kind !== "map" && !isNull(listNode)) return; // an intrinsic
  const items = props.list(key);
  if (items.length === 0) {
    report(mutabilityNode, "filtersMissing", { property, value, filters, plain: value.replace("_WITH_EXCLUSION", "") });
    return;
  }
  if (items.length > MAX_EXCLUSION_FILTERS) report(listNode!, "tooManyFilters", { filters, count: items.length });
  items.forEach((item, index) => {
    if (item.kind !== "map") return; // an intrinsic, or not a filter at all: left to the schema
    checkFilter(new Obj(item), item, `${filters}[${index}]`, format, report);
  });
}

function checkFilter(
  filter: Obj,
  node: Node,
  name: string,
  format: SourceFormat,
  report: RuleContext<MessageId>["report"],
) {
  const cloudFormation = format === "cloudformation";
  const typeKey = cloudFormation ? "ImageTagMutabilityExclusionFilterType" : ecrPropertyName(format, "filterType");
  const valueKey = cloudFormation ? "ImageTagMutabilityExclusionFilterValue" : "filter";
  const type = ecrSettingValue(filter, "filterType", "ImageTagMutabilityExclusionFilterType");
  if (type.state === "absent") report(node, "filterTypeMissing", { filter: name, typeKey });
  else if (type.state === "literal" && type.value !== "WILDCARD")
    report(type.node, "filterTypeInvalid", { filter: name, typeKey, value: type.value });
  const pattern = ecrSettingValue(filter, "filter", "ImageTagMutabilityExclusionFilterValue");
  if (pattern.state === "absent") report(node, "filterMissing", { filter: name, valueKey });
  else if (pattern.state === "literal" && !FILTER_PATTERN.test(pattern.value))
    report(pattern.node, "filterInvalid", { filter: name, value: pattern.value });
}

function isNull(node: Node): boolean {
  return node.kind === "scalar" && node.value === null;
}
