import rule from "./essential-container.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "essential left out (defaults to true)",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27" },
    { "name": "sidecar", "image": "envoy:1.30", "essential": false }
  ]
}`,
    },
    {
      name: "no containers at all",
      code: `{ "family": "web", "containerDefinitions": [] }`,
    },
    {
      name: "CloudFormation essential from a condition (unknown until deploy)",
      file: "stack.yaml",
      code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Essential: !If [IsProd, true, false]
`,
    },
  ],
  invalid: [
    {
      name: "every container non-essential",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "essential": false },
    { "name": "sidecar", "image": "envoy:1.30", "essential": false }
  ]
}`,
      errors: [
        {
          messageId: "noEssential",
          line: 3,
          column: 27,
          message: 'all 2 containers set essential to false ("web", "sidecar")',
        },
      ],
    },
    {
      name: "CloudFormation YAML, PascalCase, string false",
      file: "stack.yaml",
      code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Essential: "false"
`,
      errors: [{ messageId: "noEssential", line: 6, column: 9 }],
    },
  ],
});
