import rule from "./network-configuration-without-awsvpc.js";
import { cfnResources, ecsService, ecsTaskDefinition } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

const stack = (mode: string) =>
  cfnResources({
    Web: ecsService(`
      LaunchType: EC2
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0a1b2c3d4e5f60718]
`),
    Task: ecsTaskDefinition(`
${mode}      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Memory: 256
`),
  });

testRule(rule, {
  valid: [
    { name: "awsvpc task definition", file: "stack.yaml", code: stack("      NetworkMode: awsvpc\n") },
    { name: "mode from a parameter", file: "stack.yaml", code: stack("      NetworkMode: !Ref Mode\n") },
    {
      name: "bridge without a network configuration",
      file: "stack.yaml",
      code: cfnResources({
        Web: ecsService(`
      TaskDefinition: !Ref Task
`),
        Task: ecsTaskDefinition(`
      NetworkMode: bridge
`),
      }),
    },
    {
      name: "an empty network configuration, as describe-services output can carry for a bridge service",
      file: "services.json",
      code: `{"services": [{"serviceName": "web", "launchType": "EC2", "taskDefinition": "web", "networkConfiguration": {}}]}`,
    },
  ],
  invalid: [
    {
      name: "bridge task definition behind a network configuration",
      file: "stack.yaml",
      code: stack("      NetworkMode: bridge\n"),
      errors: [{ messageId: "notAwsvpc", line: 8, column: 9, message: 'task definition "Task" uses networkMode "bridge"' }],
    },
    {
      name: "no network mode (bridge by default)",
      file: "stack.yaml",
      code: stack(""),
      errors: [{ messageId: "notAwsvpc", line: 8, column: 9, message: '"bridge" (the default)' }],
    },
  ],
});
