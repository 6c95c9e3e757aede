import rule from "./container-memory-exceeds-task.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "containers within the task memory",
      code: json(
        taskDefinition({
          memory: "1 GB",
          containerDefinitions: [
            container({ memory: 512, memoryReservation: 256 }),
            { name: "sidecar", image: "envoy:1.30", memory: 512 },
          ],
        }),
      ),
    },
    {
      name: "no task-level memory (EC2): only the container's own limits count",
      code: `{
  "family": "web",
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 4096, "memoryReservation": 2048 }]
}`,
    },
    {
      name: "CloudFormation memory from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      Memory: 512
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Memory: !Ref ContainerMemory
`),
    },
  ],
  invalid: [
    {
      name: "a container above the task, and a reservation above its limit",
      code: `{
  "family": "web",
  "memory": "512",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 1024 },
    { "name": "worker", "image": "worker:1", "memory": 128, "memoryReservation": 256 }
  ]
}`,
      errors: [
        { messageId: "aboveTask", line: 5, column: 55, message: 'container "web" sets memory to 1024 MiB' },
        { messageId: "reservationAboveLimit", line: 6, column: 82 },
      ],
    },
    {
      name: "hard limits that add up to more than the task",
      code: `{
  "family": "web",
  "memory": "1024",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 768 },
    { "name": "sidecar", "image": "envoy:1.30", "memory": 512 }
  ]
}`,
      errors: [
        { messageId: "sumAboveTask", line: 3, column: 13, message: 'add up to 1280 MiB ("web" 768 + "sidecar" 512)' },
      ],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      Memory: 512
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          MemoryReservation: 1024
`),
      errors: [{ messageId: "aboveTask", line: 9, column: 30, message: "memoryReservation to 1024 MiB" }],
    },
  ],
});
