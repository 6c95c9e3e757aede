import rule from "./read-only-root-filesystem.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "read-only root",
      code: `{
  "family": "web",
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "readonlyRootFilesystem": true }]
}`,
    },
    {
      name: "Windows containers do not support it",
      code: `{
  "family": "win",
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:2022" }]
}`,
    },
    {
      name: "CloudFormation: a condition is unknown until deploy",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          ReadonlyRootFilesystem: !If [IsProd, true, false]
`),
    },
  ],
  invalid: [
    {
      name: "missing and false",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27" },
    { "name": "worker", "image": "worker:2.0", "readonlyRootFilesystem": false }
  ]
}`,
      errors: [
        { messageId: "missing", line: 4, column: 5, message: 'container "web"' },
        { messageId: "disabled", line: 5, column: 74, message: 'container "worker"' },
      ],
    },
    {
      name: "CloudFormation YAML: missing",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
`),
      errors: [{ messageId: "missing", line: 6, column: 11 }],
    },
  ],
});
