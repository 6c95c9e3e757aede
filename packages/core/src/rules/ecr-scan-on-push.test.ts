import rule from "./ecr-scan-on-push.js";
import { repositoryTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "CreateRepository input that scans on push",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageScanningConfiguration": { "scanOnPush": true }
}`,
    },
    {
      name: "describe-repositories output, every repository scans on push",
      file: "repositories.json",
      code: `{
  "repositories": [
    { "repositoryName": "web", "imageScanningConfiguration": { "scanOnPush": true } },
    { "repositoryName": "api", "imageScanningConfiguration": { "scanOnPush": true } }
  ]
}`,
    },
    {
      name: "CloudFormation, ScanOnPush true",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageScanningConfiguration:
        ScanOnPush: true
`),
    },
    {
      name: "CloudFormation, ScanOnPush from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageScanningConfiguration:
        ScanOnPush: !Ref ScanImages
`),
    },
    {
      name: "CloudFormation, the whole configuration from a condition",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageScanningConfiguration: !If [Scan, { ScanOnPush: true }, !Ref "AWS::NoValue"]
`),
    },
  ],
  invalid: [
    {
      name: "CreateRepository input with scanOnPush false",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageScanningConfiguration": { "scanOnPush": false }
}`,
      errors: [
        {
          messageId: "scanOff",
          line: 3,
          column: 49,
          endColumn: 54,
          message: "imageScanningConfiguration.scanOnPush is false",
        },
      ],
    },
    {
      name: "CreateRepository input without a scanning configuration",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageTagMutability": "IMMUTABLE"
}`,
      errors: [{ messageId: "missingConfiguration", line: 1, column: 1 }],
    },
    {
      name: "describe-repositories output, one repository does not scan",
      file: "repositories.json",
      code: `{
  "repositories": [
    { "repositoryName": "web", "imageScanningConfiguration": { "scanOnPush": true } },
    { "repositoryName": "api", "imageScanningConfiguration": { "scanOnPush": false } }
  ]
}`,
      errors: [{ messageId: "scanOff", line: 4, column: 78 }],
    },
    {
      name: "CloudFormation YAML, ScanOnPush false",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryName: web
      ImageScanningConfiguration:
        ScanOnPush: false
`),
      errors: [
        { messageId: "scanOff", line: 7, column: 21, message: "ImageScanningConfiguration.ScanOnPush is false" },
      ],
    },
    {
      name: "CloudFormation YAML, no ImageScanningConfiguration",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryName: web
`),
      errors: [{ messageId: "missingConfiguration", line: 5, column: 7, message: "no ImageScanningConfiguration" }],
    },
    {
      name: "CloudFormation YAML, configuration without ScanOnPush",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageScanningConfiguration: {}
`),
      errors: [{ messageId: "missingScanOnPush", line: 5, column: 35 }],
    },
  ],
});
