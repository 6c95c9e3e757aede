import rule from "./efs-transit-encryption.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "EFS volume with transit encryption and IAM",
      code: `{
  "family": "web",
  "volumes": [
    {
      "name": "shared",
      "efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678",
        "transitEncryption": "ENABLED",
        "authorizationConfig": { "iam": "ENABLED", "accessPointId": "fsap-1234567890abcdef0" }
      }
    }
  ],
  "containerDefinitions": []
}`,
    },
    {
      name: "volumes without EFS",
      code: `{ "family": "web", "volumes": [{ "name": "scratch" }], "containerDefinitions": [] }`,
    },
    {
      name: "CloudFormation transit encryption from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Volumes:
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: !Ref TransitEncryption
      ContainerDefinitions: []
`,
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
      code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Volumes:
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: DISABLED
      ContainerDefinitions: []
`,
      errors: [{ messageId: "disabled", line: 9, column: 32 }],
    },
  ],
});
