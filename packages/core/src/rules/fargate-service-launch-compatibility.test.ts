import rule from "./fargate-service-launch-compatibility.js";
import { cfnResources, ecsService, ecsTaskDefinition } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

const stack = (task: string, launchType = "FARGATE") =>
  cfnResources({
    Web: ecsService(`
      LaunchType: ${launchType}
      TaskDefinition: !Ref Task
`),
    Task: ecsTaskDefinition(`
${task}      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
`),
  });

testRule(rule, {
  valid: [
    {
      name: "FARGATE in requiresCompatibilities",
      file: "stack.yaml",
      code: stack("      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n"),
    },
    {
      name: "awsvpc without requiresCompatibilities (ECS validates it for Fargate)",
      file: "stack.yaml",
      code: stack("      NetworkMode: awsvpc\n      Cpu: 256\n      Memory: 512\n"),
    },
    { name: "an EC2 service", file: "stack.yaml", code: stack("      NetworkMode: bridge\n", "EC2") },
    {
      name: "network mode from a parameter",
      file: "stack.yaml",
      code: stack("      NetworkMode: !Ref Mode\n"),
    },
    {
      name: "a compatibility from a parameter beside EC2 (cfn-lint E3054's own negative case)",
      file: "stack.yaml",
      code: stack("      RequiresCompatibilities: [EC2, !Ref LaunchType]\n"),
    },
    {
      name: "a task definition outside the files",
      code: `{ "serviceName": "web", "launchType": "FARGATE", "taskDefinition": "web:3" }`,
    },
  ],
  invalid: [
    {
      name: "the task definition named by !GetAtt Task.TaskDefinitionArn",
      file: "stack.yaml",
      code: stack("").replace("!Ref Task", "!GetAtt Task.TaskDefinitionArn"),
      errors: [{ messageId: "incompatible", line: 5, column: 19, message: '"Task" does not list FARGATE' }],
    },
    {
      name: "no compatibilities, default network mode (cfn-lint E3054)",
      file: "stack.yaml",
      code: stack(""),
      errors: [{ messageId: "incompatible", line: 5, column: 19, message: '"Task" does not list FARGATE in requiresCompatibilities and uses networkMode "bridge" (the default)' }],
    },
    {
      name: "EC2 only, bridge",
      file: "stack.yaml",
      code: stack("      RequiresCompatibilities: [EC2]\n      NetworkMode: bridge\n"),
      errors: [{ messageId: "incompatible", line: 5, column: 19, message: 'networkMode "bridge"' }],
    },
    {
      name: "a Fargate capacity provider",
      file: "stack.yaml",
      code: cfnResources({
        Web: ecsService(`
      CapacityProviderStrategy:
        - CapacityProvider: FARGATE
      TaskDefinition: !Ref Task
`),
        Task: ecsTaskDefinition(`
      NetworkMode: host
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
`),
      }),
      errors: [{ messageId: "incompatible", line: 6, column: 29, message: "Fargate capacity provider" }],
    },
  ],
});
