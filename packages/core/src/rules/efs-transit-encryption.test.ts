import rule from "./efs-transit-encryption.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "EFS volume with transit encryption and IAM",
      code: json(
        taskDefinition({
          volumes: [
            {
              name: "shared",
              efsVolumeConfiguration: {
                fileSystemId: "fs-12345678",
                transitEncryption: "ENABLED",
                authorizationConfig: { iam: "ENABLED", accessPointId: "fsap-1234567890abcdef0" },
              },
            },
          ],
          containerDefinitions: [],
        }),
      ),
    },
    {
      name: "volumes without EFS",
      code: `{ "family": "web", "volumes": [{ "name": "scratch" }], "containerDefinitions": [] }`,
    },
    {
      name: "CloudFormation transit encryption from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      Volumes:
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: !Ref TransitEncryption
      ContainerDefinitions: []
`),
    },
    {
      name: "transit encryption ENABLED, IAM authorization DISABLED",
      code: json(
        taskDefinition({
          volumes: [
            {
              name: "shared",
              efsVolumeConfiguration: {
                fileSystemId: "fs-1",
                transitEncryption: "ENABLED",
                authorizationConfig: { iam: "DISABLED" },
              },
            },
          ],
          containerDefinitions: [],
        }),
      ),
    },
  ],
  invalid: [
    {
      name: "transit encryption left out, and DISABLED",
      code: `{
  "family": "web",
  "volumes": [
    { "name": "a", "efsVolumeConfiguration": { "fileSystemId": "fs-1" } },
    { "name": "b", "efsVolumeConfiguration": { "fileSystemId": "fs-2", "transitEncryption": "DISABLED" } }
  ],
  "containerDefinitions": []
}`,
      errors: [
        { messageId: "absent", line: 4, column: 46, message: 'EFS volume "a" does not set transitEncryption' },
        { messageId: "disabled", line: 5, column: 93, message: '"DISABLED"' },
      ],
    },
    {
      name: "IAM authorization without transit encryption",
      code: `{
  "family": "web",
  "volumes": [
    {
      "name": "shared",
      "efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678",
        "authorizationConfig": { "iam": "ENABLED" }
      }
    }
  ],
  "containerDefinitions": []
}`,
      errors: [{ messageId: "authorizationNeedsTransit", line: 6, column: 33, message: "uses IAM authorization" }],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      Volumes:
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: DISABLED
      ContainerDefinitions: []
`),
      errors: [{ messageId: "disabled", line: 9, column: 32 }],
    },
    {
      name: "lower-case enabled is not ENABLED (the enum is case-sensitive)",
      code: `{
  "family": "web",
  "volumes": [
    { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "enabled" } }
  ],
  "containerDefinitions": []
}`,
      errors: [
        {
          messageId: "invalidTransitEncryption",
          line: 4,
          column: 96,
          message: 'EFS volume "data": transitEncryption is "enabled"; ECS accepts only ENABLED or DISABLED',
        },
      ],
    },
    {
      name: "CloudFormation YAML, lower-case TransitEncryption and IAM",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: enabled
            AuthorizationConfig:
              IAM: Enabled
      ContainerDefinitions: []
`),
      errors: [
        { messageId: "invalidTransitEncryption", line: 9, column: 32, message: 'transitEncryption is "enabled"' },
        { messageId: "invalidIam", line: 11, column: 20, message: 'authorizationConfig.iam is "Enabled"' },
      ],
    },
    {
      name: "transit encryption ENABLED, but iam not an accepted value",
      code: `{
  "family": "web",
  "volumes": [
    {
      "name": "shared",
      "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "ENABLED", "authorizationConfig": { "iam": "true" } }
    }
  ],
  "containerDefinitions": []
}`,
      errors: [{ messageId: "invalidIam", line: 6, column: 123, message: 'authorizationConfig.iam is "true"' }],
    },
    {
      name: "an invalid iam value does not count as IAM authorization: the volume is reported as unencrypted",
      code: `{
  "family": "web",
  "volumes": [
    { "name": "shared", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "authorizationConfig": { "iam": "enabled" } } }
  ],
  "containerDefinitions": []
}`,
      errors: [
        { messageId: "absent", line: 4, column: 51, message: 'EFS volume "shared" does not set transitEncryption' },
        { messageId: "invalidIam", line: 4, column: 109 },
      ],
    },
  ],
});
