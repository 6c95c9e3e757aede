import rule from "./container-memory-missing.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "task-level memory",
      code: `{ "family": "web", "memory": "512", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }] }`,
    },
    {
      name: "a hard or a soft limit on every container",
      code: json(taskDefinition({
        containerDefinitions: [
          container({ memory: 256 }),
          { name: "log", image: "fluent-bit:3.0", memoryReservation: 64 },
        ],
      })),
    },
    {
      name: "Fargate (fargate-cpu-memory asks for task memory)",
      code: `{ "family": "web", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }] }`,
    },
    {
      name: "CloudFormation memory from a parameter",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Memory: !Ref WebMemory
`),
    },
  ],
  invalid: [
    {
      name: "one container without memory",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 256 },
    { "name": "log", "image": "fluent-bit:3.0" }
  ]
}`,
      errors: [{ messageId: "noMemory", line: 5, column: 15, message: 'container "log" sets neither memory nor memoryReservation' }],
    },
    {
      name: "CloudFormation container without memory",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
`),
      errors: [{ messageId: "noMemory", line: 6, column: 17 }],
    },
  ],
});
