import rule from "./privileged-container.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "not privileged",
      code: json(
        taskDefinition({
          containerDefinitions: [container({ privileged: false }), { name: "sidecar", image: "envoy:1.30" }],
        }),
      ),
    },
    {
      name: "CloudFormation: a parameter is unknown until deploy",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Privileged: !Ref Privileged
`),
    },
  ],
  invalid: [
    {
      name: "privileged on EC2",
      code: `{
  "family": "agent",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "agent", "image": "datadog/agent:7", "privileged": true }
  ]
}`,
      errors: [{ messageId: "privileged", line: 5, column: 66, message: 'container "agent"' }],
    },
    {
      name: "CloudFormation YAML: privileged on Fargate",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Privileged: true
`),
      errors: [{ messageId: "privilegedOnFargate", line: 9, column: 23, message: "Fargate does not support" }],
    },
  ],
});
