import rule from "./fargate-cpu-memory.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate with 256 CPU units and 512 MiB",
      code: json(
        taskDefinition({
          requiresCompatibilities: ["FARGATE"],
          networkMode: "awsvpc",
          cpu: "256",
          memory: "512",
        }),
      ),
    },
    {
      name: "vCPU and GB forms, as ECS converts them",
      code: json(
        taskDefinition({
          requiresCompatibilities: ["FARGATE"],
          cpu: "1 vCPU",
          memory: "2 GB",
          containerDefinitions: [],
        }),
      ),
    },
    {
      name: "16 vCPU with 120 GB",
      code: `{ "family": "big", "requiresCompatibilities": ["FARGATE"], "cpu": "16384", "memory": "122880", "containerDefinitions": [] }`,
    },
    {
      name: "EC2 task with any size",
      code: `{ "family": "web", "requiresCompatibilities": ["EC2"], "cpu": "300", "containerDefinitions": [] }`,
    },
    {
      name: "CloudFormation sizes from parameters (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      Cpu: !Ref Cpu
      Memory: !Ref Memory
      ContainerDefinitions: []
`),
    },
  ],
  invalid: [
    {
      name: "memory outside the cpu's range",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": []
}`,
      errors: [{ messageId: "invalidPair", line: 5, column: 13, message: "allows memory 512, 1024, 2048 MiB" }],
    },
    {
      name: "memory not on the step for 4 vCPU",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "4 vCPU",
  "memory": "9000",
  "containerDefinitions": []
}`,
      errors: [{ messageId: "invalidPair", line: 5, column: 13, message: "8192 to 30720 in steps of 1024" }],
    },
    {
      name: "cpu that is not a Fargate size",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": 300,
  "memory": 512,
  "containerDefinitions": []
}`,
      errors: [{ messageId: "unsupportedCpu", line: 4, column: 10, message: 'cpu "300"' }],
    },
    {
      name: "no cpu and no memory",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": []
}`,
      errors: [
        { messageId: "missingCpu", line: 3, column: 30 },
        { messageId: "missingMemory", line: 3, column: 30 },
      ],
    },
    {
      name: "unreadable memory",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1 GiB",
  "containerDefinitions": []
}`,
      errors: [{ messageId: "unreadableMemory", line: 5, column: 13 }],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities:
        - FARGATE
      NetworkMode: awsvpc
      Cpu: 1024
      Memory: 1024
      ContainerDefinitions: []
`),
      errors: [
        {
          messageId: "invalidPair",
          line: 9,
          column: 15,
          message: "allows memory 2048, 3072, 4096, 5120, 6144, 7168, 8192 MiB",
        },
      ],
    },
  ],
});
