import rule from "./service-role-with-awsvpc.js";
import { cfnResources, ecsService, ecsTaskDefinition } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate without a role",
      code: `{ "serviceName": "web", "launchType": "FARGATE" }`,
    },
    {
      name: "bridge service behind a load balancer with a role",
      file: "stack.yaml",
      code: cfnResources({
        Web: ecsService(`
      Role: !Ref EcsServiceRole
      TaskDefinition: !Ref Task
`),
        Task: ecsTaskDefinition(`
      NetworkMode: bridge
`),
      }),
    },
  ],
  invalid: [
    {
      name: "Fargate with a role",
      code: `{
  "serviceName": "web",
  "launchType": "FARGATE",
  "role": "arn:aws:iam::123456789012:role/ecsServiceRole"
}`,
      errors: [{ messageId: "roleWithAwsvpc", line: 4, column: 11, message: "launchType is FARGATE" }],
    },
    {
      name: "CloudFormation awsvpc task definition with a role",
      file: "stack.yaml",
      code: cfnResources({
        Web: ecsService(`
      Role: !Ref EcsServiceRole
      TaskDefinition: !Ref Task
`),
        Task: ecsTaskDefinition(`
      NetworkMode: awsvpc
`),
      }),
      errors: [{ messageId: "roleWithAwsvpc", line: 5, column: 13, message: 'task definition "Task" uses networkMode awsvpc' }],
    },
  ],
});
