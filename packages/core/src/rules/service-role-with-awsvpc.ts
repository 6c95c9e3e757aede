import type { Node } from "../document/node.js";
import { scalarString } from "../model/obj.js";
import type { Service } from "../model/resources.js";
import { defineRule } from "./define.js";
import { intrinsicOf } from "./support/security-intrinsics.js";
import { fargateReason, serviceFargateEvidence } from "./support/service-settings.js";

/** CloudFormation functions that stand for a role the template names. */
const ROLE_INTRINSICS = new Set(["Ref", "GetAtt", "Sub", "ImportValue", "Join", "FindInMap", "Select"]);

/**
 * The role the service names (ECS JSON: role; CloudFormation: Role; Terraform: iam_role): a
 * literal ARN or name, or a CloudFormation reference. Terraform computes iam_role, so a plan shows
 * it unknown when the configuration leaves it out: that is no role.
 */
function roleNode(service: Service): Node | undefined {
  for (const key of ["role", "iamRole"]) {
    const node = service.props.get(key);
    if (!node) continue;
    if (scalarString(node)) return node;
    const intrinsic = intrinsicOf(node);
    if (intrinsic && ROLE_INTRINSICS.has(intrinsic.name)) return node;
  }
  return undefined;
}

function awsvpcReason(service: Service): string | undefined {
  if (serviceFargateEvidence(service)) return fargateReason(service);
  const task = service.taskDefinition;
  if (task?.networkMode === "awsvpc") return `task definition "${task.name}" uses networkMode awsvpc`;
  return undefined;
}

export default defineRule({
  id: "service-role-with-awsvpc",
  title: "awsvpc services do not name a service role",
  severity: "error",
  description:
    "A service that runs on Fargate or whose task definition uses the awsvpc network mode does not set role (Role in CloudFormation, iam_role in Terraform).",
  rationale:
    "The service role lets ECS register instances with a load balancer for bridge and host networking. awsvpc tasks are registered by the ECS service-linked role instead, and CreateService refuses an explicit role for them (\"You cannot specify an IAM role for services that require a service linked role\").",
  fix: "Remove role from the service; the AWSServiceRoleForECS service-linked role does the load balancer registration.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html",
  ],
  messages: {
    roleWithAwsvpc:
      "the service names a service role but {{reason}}: awsvpc services use the ECS service-linked role and CreateService refuses an explicit one; remove the role",
  },
  check: {
    service(service, { report }) {
      const node = roleNode(service);
      if (!node) return;
      const reason = awsvpcReason(service);
      if (reason) report(node, "roleWithAwsvpc", { reason });
    },
  },
});
