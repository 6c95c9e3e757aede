import type { Obj } from "../model/obj.js";
import { defineRule } from "./define.js";
import { presentBlock, taskVolumes } from "./support/taskdef-volumes.js";

/** transitEncryption and authorizationConfig.iam take exactly these values (case-sensitive). */
const SWITCH_VALUES = ["ENABLED", "DISABLED"];

export default defineRule({
  id: "efs-transit-encryption",
  title: "EFS volumes encrypt data in transit",
  severity: "error",
  description:
    "Every volume with an efsVolumeConfiguration sets transitEncryption to ENABLED (exactly; the values are case-sensitive); it must be ENABLED when the volume uses IAM authorization or an access point.",
  rationale:
    "transitEncryption defaults to DISABLED, so NFS traffic between the task and EFS crosses the network in clear text. ECS also requires transit encryption when EFS IAM authorization or an access point is used, and refuses the task definition otherwise; it accepts only ENABLED and DISABLED, in upper case.",
  fix: 'Set transitEncryption: "ENABLED" in efsVolumeConfiguration (transit_encryption in Terraform).',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html",
  ],
  peers: { checkov: "CKV_AWS_97", trivy: "AVD-AWS-0035", kics: "ECS Task Definition Volume Not Encrypted", awsConfig: "ecs-task-definition-efs-encryption-enabled" },
  messages: {
    absent:
      'EFS volume "{{volume}}" does not set transitEncryption (the default is DISABLED): set transitEncryption to "ENABLED"',
    disabled: 'EFS volume "{{volume}}" sets transitEncryption to "{{value}}": set it to "ENABLED"',
    invalidTransitEncryption:
      'EFS volume "{{volume}}": transitEncryption is "{{value}}"; ECS accepts only ENABLED or DISABLED (upper case): set it to "ENABLED"',
    invalidIam:
      'EFS volume "{{volume}}": authorizationConfig.iam is "{{value}}"; ECS accepts only ENABLED or DISABLED (upper case): write "ENABLED" or "DISABLED"',
    authorizationNeedsTransit:
      'EFS volume "{{volume}}" uses {{authorization}}, which requires transit encryption, but transitEncryption is {{value}}: set transitEncryption to "ENABLED"',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const volume of taskVolumes(task)) {
        const efs = presentBlock(volume, "efsVolumeConfiguration");
        if (!efs) continue;
        const name = volume.str("name") ?? "(unnamed)";
        const authorization = presentBlock(efs, "authorizationConfig");
        const iam = authorization?.str("iam");
        if (iam !== undefined && !SWITCH_VALUES.includes(iam))
          report(authorization!.get("iam")!, "invalidIam", { volume: name, value: iam });

        const transitNode = efs.get("transitEncryption");
        const isSet = efs.has("transitEncryption");
        const value = efs.str("transitEncryption");
        if (isSet && value === undefined) continue; // an intrinsic function: known only at deploy time
        if (value === "ENABLED") continue;
        if (value !== undefined && !SWITCH_VALUES.includes(value)) {
          report(transitNode!, "invalidTransitEncryption", { volume: name, value });
          continue;
        }

        const needs = authorizationNeedingTransit(authorization);
        const at = isSet ? transitNode! : efs.node;
        const shown = isSet ? `"${value}"` : "not set (DISABLED)";
        if (needs) report(at, "authorizationNeedsTransit", { volume: name, authorization: needs, value: shown });
        else if (isSet) report(at, "disabled", { volume: name, value: value! });
        else report(at, "absent", { volume: name });
      }
    },
  },
});

/** What in authorizationConfig requires transit encryption: IAM authorization, or an access point. */
function authorizationNeedingTransit(authorization: Obj | undefined): string | undefined {
  if (authorization?.str("iam") === "ENABLED") return "IAM authorization";
  const accessPoint = authorization?.str("accessPointId");
  return accessPoint ? `access point "${accessPoint}"` : undefined;
}
