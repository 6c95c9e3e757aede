import rule from "./ecr-kms-encryption.js";
import { repositoryTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "KMS with a customer managed key",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "encryptionConfiguration": {
    "encryptionType": "KMS",
    "kmsKey": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}`,
    },
    {
      name: "KMS without a key (the AWS managed key for ECR)",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "encryptionConfiguration": { "encryptionType": "KMS" }
}`,
    },
    {
      name: "CloudFormation, KMS_DSSE with a key from another resource",
      file: "stack.yaml",
      code: repositoryTemplate(`
      EncryptionConfiguration:
        EncryptionType: KMS_DSSE
        KmsKey: !GetAtt Key.Arn
`),
    },
    {
      name: "CloudFormation, the encryption type from a parameter",
      file: "stack.yaml",
      code: repositoryTemplate(`
      EncryptionConfiguration:
        EncryptionType: !Ref EncryptionType
`),
    },
  ],
  invalid: [
    {
      name: "describe-repositories output, AES256",
      file: "repositories.json",
      code: `{
  "repositories": [
    {
      "repositoryName": "web",
      "encryptionConfiguration": { "encryptionType": "AES256" }
    }
  ]
}`,
      errors: [
        {
          messageId: "aes256",
          line: 5,
          column: 54,
          endColumn: 62,
          message: 'encryptionConfiguration.encryptionType is "AES256"',
        },
      ],
    },
    {
      name: "CreateRepository input without an encryption configuration",
      file: "repository.json",
      code: `{
  "repositoryName": "web"
}`,
      errors: [{ messageId: "missingConfiguration", line: 1, column: 1, message: "AWS managed key for ECR" }],
    },
    {
      name: "an encryption type ECR does not know",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "encryptionConfiguration": { "encryptionType": "SSE-KMS" }
}`,
      errors: [{ messageId: "unknownType", line: 3, column: 50, message: '"SSE-KMS"' }],
    },
    {
      name: "CloudFormation YAML, AES256",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryName: web
      EncryptionConfiguration:
        EncryptionType: AES256
`),
      errors: [
        { messageId: "aes256", line: 7, column: 25, message: 'EncryptionConfiguration.EncryptionType is "AES256"' },
      ],
    },
    {
      name: "CloudFormation YAML, no EncryptionConfiguration",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryName: web
`),
      errors: [
        { messageId: "missingConfiguration", line: 5, column: 7, message: "with a customer managed key in KmsKey" },
      ],
    },
    {
      name: "CloudFormation YAML, EncryptionConfiguration without EncryptionType",
      file: "stack.yaml",
      code: repositoryTemplate(`
      EncryptionConfiguration:
        KmsKey: alias/ecr
`),
      errors: [{ messageId: "missingType", line: 6, column: 9 }],
    },
  ],
});
