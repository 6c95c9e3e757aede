import { defineRule } from "./define.js";
import { ecrPropertyName, ecrSettingBlock, ecrSettingValue } from "./support/ecr-settings.js";

const ENCRYPTION_TYPES = ["AES256", "KMS", "KMS_DSSE"];

export default defineRule({
  id: "ecr-kms-encryption",
  title: "ECR repositories encrypt images with AWS KMS",
  severity: "info",
  description:
    "An ECR repository should set encryptionConfiguration.encryptionType to KMS (or KMS_DSSE); AES256, or no encryption configuration at all, is ECR's default encryption with Amazon S3-managed keys.",
  rationale:
    "With the default AES256 encryption, nobody controls the key: no key policy limits who can decrypt, no CloudTrail record shows each use, no key can be disabled. A KMS key gives those controls; KMS with no kmsKey uses the AWS managed key for ECR, a customer managed key also gives its own key policy and rotation.",
  fix: 'Set encryptionConfiguration.encryptionType (EncryptionConfiguration.EncryptionType in CloudFormation, encryption_configuration.encryption_type in Terraform) to "KMS", with a customer managed key in kmsKey; the encryption of a repository is fixed when it is created, so an existing repository has to be recreated.',
  references: [
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_EncryptionConfiguration.html",
  ],
  peers: { checkov: "CKV_AWS_136", trivy: "AVD-AWS-0033", kics: "ECR Repository Not Encrypted With CMK", awsConfig: "ecr-repository-cmk-encryption-enabled" },
  messages: {
    missingConfiguration:
      'The repository has no {{block}}, so ECR encrypts images with Amazon S3-managed keys (AES256): set {{type}} to "KMS" with a customer managed key in {{key}} (without {{key}}, KMS uses the AWS managed key for ECR)',
    missingType:
      '{{block}} has no {{type}}, so ECR encrypts images with Amazon S3-managed keys (AES256): set it to "KMS" with a customer managed key in {{key}} (without {{key}}, KMS uses the AWS managed key for ECR)',
    aes256:
      '{{type}} is "AES256": images are encrypted with Amazon S3-managed keys that no key policy controls; use "KMS" with a customer managed key in {{key}} (without {{key}}, KMS uses the AWS managed key for ECR)',
    unknownType:
      '{{type}} is "{{value}}", which ECR does not accept: use "KMS" ("KMS_DSSE" for two layers of encryption, offered only in the AWS GovCloud (US) Regions; "AES256" is the default)',
  },
  check: {
    ecrRepository(repository, { report }) {
      const name = (path: string) => ecrPropertyName(repository.format, path);
      const names = {
        block: name("encryptionConfiguration"),
        type: name("encryptionConfiguration.encryptionType"),
        key: name("kmsKey"),
      };
      const configuration = ecrSettingBlock(repository.props, "encryptionConfiguration");
      if (configuration.state === "unknown") return;
      if (configuration.state === "absent") {
        report(repository.props.node, "missingConfiguration", names);
        return;
      }
      const encryptionType = ecrSettingValue(configuration.settings, "encryptionType");
      if (encryptionType.state === "unknown") return;
      if (encryptionType.state === "absent") {
        report(configuration.node, "missingType", names);
        return;
      }
      const { node, value } = encryptionType;
      if (!ENCRYPTION_TYPES.includes(value)) report(node, "unknownType", { ...names, value });
      else if (value === "AES256") report(node, "aes256", names);
    },
  },
});
