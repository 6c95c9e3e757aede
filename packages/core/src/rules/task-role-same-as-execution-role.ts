import type { Node } from "../document/node.js";
import { scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";
import { intrinsicOf } from "./support/security-intrinsics.js";

/** What a role value points at: a role name for literals (an ARN or a bare name), or the intrinsic's target. */
function roleIdentity(node: Node | undefined): { key: string; shown: string } | undefined {
  const text = scalarString(node)?.trim();
  if (text !== undefined) {
    if (text === "") return undefined;
    const name = /^arn:[^:]+:iam::\d*:role\/(?:.*\/)?([^/]+)$/.exec(text)?.[1] ?? (text.startsWith("arn:") ? text : text.split("/").pop()!);
    return { key: `role:${name}`, shown: `"${text}"` };
  }
  const intrinsic = intrinsicOf(node);
  if (!intrinsic || !["Ref", "GetAtt", "Sub", "ImportValue"].includes(intrinsic.name)) return undefined;
  const key = intrinsic.name === "GetAtt" ? intrinsic.identity.replace(/\.Arn$/, "").replace(/^GetAtt:/, "Ref:") : intrinsic.identity;
  return { key, shown: intrinsic.description };
}

export default defineRule({
  id: "task-role-same-as-execution-role",
  title: "The task role is not the execution role",
  severity: "warning",
  description:
    "taskRoleArn and executionRoleArn name different roles: the same literal role (ARN or name), or the same !Ref / !GetAtt target in CloudFormation, is reported.",
  rationale:
    "The execution role is for the ECS agent (image pulls, logs, secrets); the task role is for the application's own AWS calls. Sharing one role hands the application every secret and registry the agent can read.",
  fix: "Create a separate task role holding only the permissions the application needs, and keep the execution role for the agent.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
  ],
  peers: { checkov: "CKV_AWS_249 (Terraform)" },
  messages: {
    sameRole:
      "taskRoleArn {{role}} is the same role as executionRoleArn: the application would get the agent's access to images, logs and secrets; give the task its own role with only what the application needs",
  },
  check: {
    taskDefinition(task, { report }) {
      const taskRole = task.props.get("taskRoleArn");
      const taskIdentity = roleIdentity(taskRole);
      const executionIdentity = roleIdentity(task.props.get("executionRoleArn"));
      if (taskIdentity && executionIdentity && taskIdentity.key === executionIdentity.key)
        report(taskRole!, "sameRole", { role: taskIdentity.shown });
    },
  },
});
