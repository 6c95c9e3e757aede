import rule from "./essential-container.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "essential left out (defaults to true)",
      code: json(
        taskDefinition({
          containerDefinitions: [container(), { name: "sidecar", image: "envoy:1.30", essential: false }],
        }),
      ),
    },
    {
      name: "CloudFormation container definitions from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions: !Ref Containers
`),
    },
    {
      name: "CloudFormation essential from a condition (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Essential: !If [IsProd, true, false]
`),
    },
  ],
  invalid: [
    {
      name: "an empty container list (ECS JSON)",
      code: `{ "family": "web", "containerDefinitions": [] }`,
      errors: [{ messageId: "noContainers", line: 1, column: 44, message: "lists no containers" }],
    },
    {
      name: "an empty container list (CloudFormation, cfn-lint E3042)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions: []
`),
      errors: [{ messageId: "noContainers", line: 5, column: 29 }],
    },
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
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Essential: "false"
`),
      errors: [{ messageId: "noEssential", line: 6, column: 9 }],
    },
  ],
});
