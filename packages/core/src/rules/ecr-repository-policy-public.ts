import type { Node } from "../document/node.js";
import { asObj, type Obj, scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";

/**
 * Condition keys that narrow who can use the grant to an organization, accounts, principals,
 * networks or calling resources (IAM global condition context keys).
 */
const NARROWING_KEYS = new Set(
  [
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:userid",
    "aws:username",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:SourceOwner",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceIp",
    "aws:VpcSourceIp",
    "aws:ResourceOrgID",
  ].map((key) => key.toLowerCase()),
);

/** The node that makes the principal everyone: `"*"`, or a `"*"` under AWS; undefined otherwise or when not literal. */
function everyone(principal: Node | undefined): Node | undefined {
  if (!principal) return undefined;
  if (scalarString(principal) === "*") return principal;
  const aws = asObj(principal)?.get("AWS");
  if (!aws) return undefined;
  if (scalarString(aws) === "*") return aws;
  if (aws.kind === "seq") return aws.items.find((item) => scalarString(item) === "*");
  return undefined;
}

/** Whether the statement's Condition names a key that narrows the grant; true when the condition is not literal. */
function narrowed(statement: Obj): boolean {
  const condition = statement.get("Condition");
  if (!condition) return false;
  if (condition.kind !== "map") return true; // an intrinsic: unknown, so not reported
  for (const { value } of condition.entries) {
    const keys = asObj(value);
    if (!keys) return true;
    for (const { key } of keys.node.entries) if (NARROWING_KEYS.has(key.toLowerCase())) return true;
  }
  return false;
}

function actionsOf(statement: Obj): string {
  const node = statement.get("Action");
  const actions = node?.kind === "seq" ? node.items.flatMap((item) => scalarString(item) ?? []) : [scalarString(node) ?? "?"];
  return actions.length > 3 ? `${actions.slice(0, 3).join(", ")} and ${actions.length - 3} more` : actions.join(", ");
}

export default defineRule({
  id: "ecr-repository-policy-public",
  title: "Repository policies do not grant access to everyone",
  severity: "error",
  description:
    'No statement of an ECR repository policy allows actions to every principal (Principal "*" or {"AWS": "*"}) without a condition that narrows it to an organization, accounts, principals, VPC endpoints or networks.',
  rationale:
    "A repository policy is a resource-based policy: an Allow for Principal \"*\" lets any AWS account in the world pull the images (and with push actions, replace them), and images carry code, configuration and often credentials baked into layers.",
  fix: 'Name the accounts or roles in Principal (e.g. {"AWS": "arn:aws:iam::123456789012:root"}), or keep "*" and add a Condition such as StringEquals aws:PrincipalOrgID: o-xxxxxxxxxx.',
  references: [
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html",
  ],
  peers: { trivy: "AVD-AWS-0032", checkov: "CKV_AWS_32", kics: "ECR Repository Is Publicly Accessible" },
  messages: {
    publicStatement:
      'repository policy statement {{statement}} allows {{actions}} to every AWS principal ("*") with no condition narrowing it: name the accounts or roles in Principal, or add a Condition such as aws:PrincipalOrgID',
    unreadable: "the repository policy text is not JSON: {{error}}",
  },
  check: {
    repositoryPolicy(policy, { report }) {
      if (policy.parseError) {
        report(policy.policy, "unreadable", { error: policy.parseError });
        return;
      }
      const document = asObj(policy.policy);
      if (!document) return;
      document.objs("Statement").forEach((statement, index) => {
        if (statement.str("Effect")?.toLowerCase() !== "allow") return;
        const principal = everyone(statement.get("Principal"));
        if (!principal || narrowed(statement)) return;
        const sid = statement.str("Sid");
        report(principal, "publicStatement", {
          statement: sid ? `"${sid}"` : `#${index + 1}`,
          actions: actionsOf(statement),
        });
      });
    },
  },
});
