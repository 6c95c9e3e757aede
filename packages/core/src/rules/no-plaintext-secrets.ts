import { scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";
import { classifySecretName, detectEnvironmentSecret, isWholePlaceholder, secretValueKind } from "./support/secret-patterns.js";
import { type Intrinsic, intrinsicOf } from "./support/security-intrinsics.js";

const useSecrets =
  "move it to secrets[] with valueFrom an SSM parameter (name or ARN) or a Secrets Manager secret ARN";

export default defineRule({
  id: "no-plaintext-secrets",
  title: "Container environment variables carry no secrets",
  severity: "error",
  description:
    "A container's environment must not hold passwords, tokens, keys or other credentials in plain text, judged by the variable's name and by the shape of its value.",
  rationale:
    "Environment variables are stored in the task definition in plain text: anyone allowed ecs:DescribeTaskDefinition (and every revision kept forever) can read them. ECS injects secrets at start-up from SSM Parameter Store or Secrets Manager instead.",
  fix: "Store the value in SSM Parameter Store (SecureString) or Secrets Manager, then replace the environment entry with a secrets[] entry { name, valueFrom: <parameter name or ARN, or secret ARN> }; rotate any credential that was committed.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html",
  ],
  peers: {
    trivy: "AVD-AWS-0036",
    securityHub: "ECS.8",
    controlTower: "CT.ECS.PR.12",
    kics: "ECS Task Definition Container With Plaintext Password",
    awsConfig: "ecs-no-environment-secrets",
  },
  messages: {
    secretName: `container "{{container}}" environment variable "{{name}}" holds a plain-text value under a secret's name: ${useSecrets}`,
    secretValue: `container "{{container}}" environment variable "{{name}}" holds {{kind}} in plain text: rotate it and ${useSecrets}`,
    secretReference: `container "{{container}}" environment variable "{{name}}" takes its value from {{source}}, which still lands in plain text in the task definition: ${useSecrets}`,
  },
  check: {
    taskDefinition(task, { report }) {
      for (const container of task.containers) {
        container.props.objs("environment").forEach((variable, index) => {
          const writtenName = variable.str("name");
          const name = writtenName ?? `environment[${index}]`;
          const valueNode = variable.get("value");
          if (!valueNode) return;
          const data = { container: container.name, name };
          const value = scalarString(valueNode);
          if (value !== undefined) {
            const dynamic = dynamicReferenceSource(value);
            if (dynamic !== undefined) {
              if (dynamic) report(valueNode, "secretReference", { ...data, source: dynamic });
              return;
            }
            const secret = detectEnvironmentSecret(writtenName, value);
            if (secret?.by === "value") report(valueNode, "secretValue", { ...data, kind: secret.kind });
            else if (secret?.by === "name") report(valueNode, "secretName", data);
            else if (classifySecretName(name) === "secret" && isWholePlaceholder(value))
              report(valueNode, "secretReference", { ...data, source: `the placeholder ${value.trim()}` });
            return;
          }
          const intrinsic = intrinsicOf(valueNode);
          if (!intrinsic) return;
          const kind = intrinsic.subTemplate !== undefined ? secretValueKind(intrinsic.subTemplate) : undefined;
          if (kind) {
            report(valueNode, "secretValue", { ...data, kind });
            return;
          }
          const source = secretSource(intrinsic, task.sensitiveInputs);
          if (source) report(valueNode, "secretReference", { ...data, source });
        });
      }
    },
  },
});

const DYNAMIC_REFERENCE = /\{\{resolve:([a-z-]+):/;

/**
 * What a CloudFormation dynamic reference in the text resolves from, when it resolves a secret
 * (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`); "" for one that does not (a plain
 * `{{resolve:ssm:…}}` String parameter); undefined for text without one.
 */
function dynamicReferenceSource(text: string): string | undefined {
  const service = DYNAMIC_REFERENCE.exec(text)?.[1];
  if (service === undefined) return undefined;
  if (service === "secretsmanager") return "a Secrets Manager dynamic reference (resolve:secretsmanager)";
  if (service === "ssm-secure") return "an SSM SecureString dynamic reference (resolve:ssm-secure)";
  return "";
}

/**
 * Whether an intrinsic's value is a secret by where it comes from, never by the variable's name: a
 * `!Ref` (or a `${Name}` in a `!Sub`) of a parameter declared NoEcho, or a secret dynamic
 * reference inside a `!Sub`. Anything else (an ARN from a parameter, a `!GetAtt`, an
 * `!ImportValue`) is unknown until deploy and not reported.
 */
function secretSource(intrinsic: Intrinsic, sensitiveInputs: ReadonlySet<string> | undefined): string | undefined {
  if (intrinsic.name === "Ref") {
    const target = intrinsic.identity.slice("Ref:".length);
    return sensitiveInputs?.has(target) ? `${intrinsic.description}, a NoEcho parameter,` : undefined;
  }
  const template = intrinsic.subTemplate;
  if (template === undefined) return undefined;
  const dynamic = dynamicReferenceSource(template);
  if (dynamic) return `a !Sub holding ${dynamic}`;
  for (const [, variable] of template.matchAll(/\$\{([A-Za-z0-9_:]+)\}/g))
    if (sensitiveInputs?.has(variable!)) return `a !Sub of the NoEcho parameter ${variable}`;
  return undefined;
}
