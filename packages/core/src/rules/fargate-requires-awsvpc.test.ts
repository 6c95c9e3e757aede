import rule from "./fargate-requires-awsvpc.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate with awsvpc",
      code: json(taskDefinition({ requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc" })),
    },
    {
      name: "EC2 with bridge",
      code: `{ "family": "web", "requiresCompatibilities": ["EC2"], "networkMode": "bridge", "containerDefinitions": [] }`,
    },
    {
      name: "CloudFormation mode from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      NetworkMode: !Ref Mode
      ContainerDefinitions: []
`),
    },
  ],
  invalid: [
    {
      name: "Fargate with bridge",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "bridge",
  "containerDefinitions": []
}`,
      errors: [{ messageId: "wrongMode", line: 4, column: 18, endColumn: 26, message: '"bridge"' }],
    },
    {
      name: "Fargate without a mode",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": []
}`,
      errors: [{ messageId: "missingMode", line: 3, column: 30 }],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities:
        - FARGATE
      NetworkMode: host
      ContainerDefinitions: []
`),
      errors: [{ messageId: "wrongMode", line: 7, column: 20 }],
    },
    {
      name: "describe-task-definition output",
      code: `{"taskDefinition": {"family": "x", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge", "containerDefinitions": []}}`,
      errors: [{ messageId: "wrongMode", line: 1, column: 91 }],
    },
  ],
});
