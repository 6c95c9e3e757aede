import rule from "./health-check-missing.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "essential container with a health check; non-essential sidecar without",
      code: json(
        taskDefinition({
          containerDefinitions: [
            container({ healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] } }),
            { name: "sidecar", image: "envoy:1.30", essential: false },
          ],
        }),
      ),
    },
    {
      name: "no containers",
      code: `{ "family": "web", "containerDefinitions": [] }`,
    },
    {
      name: "CloudFormation health check from a mapping (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          HealthCheck: !FindInMap [Checks, Web, Check]
`),
    },
  ],
  invalid: [
    {
      name: "essential container without a health check",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27" }
  ]
}`,
      errors: [{ messageId: "missing", line: 4, column: 5, message: 'essential container "web" has no healthCheck' }],
    },
    {
      name: "health check without a command",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "essential": true, "healthCheck": { "interval": 30 } }
  ]
}`,
      errors: [{ messageId: "noCommand", line: 4, column: 79 }],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Essential: true
`),
      errors: [{ messageId: "missing", line: 6, column: 11 }],
    },
  ],
});
