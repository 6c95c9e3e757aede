import rule from "./host-network-mode.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    { name: "awsvpc", code: `{ "family": "web", "networkMode": "awsvpc", "containerDefinitions": [] }` },
    { name: "bridge", code: `{ "family": "web", "networkMode": "bridge", "containerDefinitions": [] }` },
    { name: "no network mode (bridge)", code: `{ "family": "web", "containerDefinitions": [] }` },
    {
      name: "Fargate with host (fargate-requires-awsvpc reports it)",
      code: `{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "host", "containerDefinitions": [] }`,
    },
    {
      name: "CloudFormation mode from a parameter",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      NetworkMode: !Ref Mode
`),
    },
  ],
  invalid: [
    {
      name: "ECS JSON host mode",
      code: `{
  "family": "agent",
  "networkMode": "host",
  "containerDefinitions": [{ "name": "agent", "image": "agent:1.0" }]
}`,
      errors: [{ messageId: "hostMode", line: 3, column: 18, message: 'networkMode is "host"' }],
    },
    {
      name: "CloudFormation host mode",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      NetworkMode: host
      ContainerDefinitions:
        - Name: agent
          Image: agent:1.0
`),
      errors: [{ messageId: "hostMode", line: 5, column: 20 }],
    },
  ],
});
