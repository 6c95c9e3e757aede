import type { Node } from "../document/node.js";
import { scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";
import { looksLikePlainSecret, secretValueKind } from "./support/secret-patterns.js";

const partition = "aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?";
const ssmParameterArn = new RegExp(`^arn:${partition}:ssm:[a-z0-9-]+:\\d{12}:parameter/[A-Za-z0-9_.\\-/]+$`);
/** arn:…:secretsmanager:region:account:secret:name, then optionally :json-key:version-stage:version-id. */
const secretsManagerArn = new RegExp(`^arn:${partition}:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+((?::[^:]*)*)$`);
/** A parameter name in the task's Region: `db-password`, or a hierarchy `/prod/db/password`. */
const ssmParameterName = /^(?:\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/;
/** A Secrets Manager secret name (credentialsParameter accepts a name in the task's Region). */
const secretName = /^[A-Za-z0-9/_+=.@-]+$/;

type Verdict = "ok" | "invalid" | "tooManyFields";

function judgeValueFrom(value: string): Verdict {
  if (ssmParameterArn.test(value) || ssmParameterName.test(value)) return "ok";
  const secret = secretsManagerArn.exec(value);
  if (!secret) return "invalid";
  const suffixFields = secret[1] ? secret[1].split(":").length - 1 : 0;
  return suffixFields <= 3 ? "ok" : "tooManyFields";
}

function judgeCredentialsParameter(value: string): Verdict {
  const secret = secretsManagerArn.exec(value);
  if (secret) return secret[1] ? "invalid" : "ok";
  return !value.startsWith("arn:") && secretName.test(value) ? "ok" : "invalid";
}

export default defineRule({
  id: "secret-source-invalid",
  title: "Secrets come from SSM Parameter Store or Secrets Manager",
  severity: "error",
  description:
    "secrets[].valueFrom and logConfiguration.secretOptions[].valueFrom must name an SSM parameter (name, path or ARN) or a Secrets Manager secret ARN (with the optional :json-key:version-stage:version-id suffix); repositoryCredentials.credentialsParameter must be a Secrets Manager secret.",
  rationale:
    "ECS resolves valueFrom only from SSM Parameter Store or Secrets Manager, and private registry credentials only from Secrets Manager; anything else fails when the task starts, and a value that is the secret itself leaks it into the task definition.",
  fix: 'Point valueFrom at "/app/db-password", "arn:aws:ssm:<region>:<account>:parameter/app/db-password" or "arn:aws:secretsmanager:<region>:<account>:secret:<name>[:json-key:version-stage:version-id]".',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Secret.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html",
  ],
  messages: {
    invalidSource:
      '{{path}} "{{value}}" in container "{{container}}" is not an SSM parameter or a Secrets Manager secret: use a parameter name such as /app/db-password, arn:aws:ssm:<region>:<account>:parameter/<name>, or arn:aws:secretsmanager:<region>:<account>:secret:<name>',
    tooManyFields:
      '{{path}} "{{value}}" in container "{{container}}" has more than three fields after the secret name: ECS reads arn:aws:secretsmanager:<region>:<account>:secret:<name>:<json-key>:<version-stage>:<version-id>',
    plainSecret:
      "{{path}} in container \"{{container}}\" looks like the secret itself, not a reference to it: store it in SSM Parameter Store or Secrets Manager (and rotate it), then put the parameter name or the secret's ARN here",
    invalidCredentials:
      '{{path}} "{{value}}" in container "{{container}}" is not a Secrets Manager secret: private registry credentials come only from Secrets Manager, as arn:aws:secretsmanager:<region>:<account>:secret:<name> (or the secret\'s name in the task\'s Region)',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const container of task.containers) {
        const check = (node: Node | undefined, path: string, judge: (value: string) => Verdict, invalidMessage: "invalidSource" | "invalidCredentials") => {
          const value = scalarString(node);
          if (node === undefined || value === undefined) return; // absent, or an intrinsic: known at deploy time
          const data = { path, container: container.name };
          if (secretValueKind(value) !== undefined) {
            report(node, "plainSecret", data); // a token would pass as a parameter name too
            return;
          }
          const verdict = judge(value.trim());
          if (verdict === "ok") return;
          if (looksLikePlainSecret(value)) report(node, "plainSecret", data);
          else report(node, verdict === "tooManyFields" ? "tooManyFields" : invalidMessage, { ...data, value });
        };
        container.props.objs("secrets").forEach((secret, index) => {
          check(secret.get("valueFrom"), `secrets[${index}].valueFrom`, judgeValueFrom, "invalidSource");
        });
        container.props
          .obj("logConfiguration")
          ?.objs("secretOptions")
          .forEach((option, index) => {
            check(option.get("valueFrom"), `logConfiguration.secretOptions[${index}].valueFrom`, judgeValueFrom, "invalidSource");
          });
        check(
          container.props.obj("repositoryCredentials")?.get("credentialsParameter"),
          "repositoryCredentials.credentialsParameter",
          judgeCredentialsParameter,
          "invalidCredentials",
        );
      }
    },
  },
});
