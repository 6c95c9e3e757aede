import rule from "./awsvpc-links-hostname.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "bridge mode with links and hostname",
      code: json(
        taskDefinition({
          networkMode: "bridge",
          containerDefinitions: [container({ links: ["app"], hostname: "web" }), { name: "app", image: "app:1.0" }],
        }),
      ),
    },
    {
      name: "awsvpc without them",
      code: `{ "family": "web", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "links": [] }] }`,
    },
  ],
  invalid: [
    {
      name: "awsvpc with links and hostname",
      code: `{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "links": ["app"], "hostname": "web" },
    { "name": "app", "image": "app:1.0" }
  ]
}`,
      errors: [
        { messageId: "links", line: 5, column: 54, message: 'container "web" sets links' },
        { messageId: "hostname", line: 5, column: 75 },
      ],
    },
    {
      name: "CloudFormation Fargate task (awsvpc) with links",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Links: [app]
`),
      errors: [{ messageId: "links", line: 10, column: 18 }],
    },
  ],
});
