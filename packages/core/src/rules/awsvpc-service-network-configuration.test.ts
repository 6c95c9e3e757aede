import rule from "./awsvpc-service-network-configuration.js";
import { cfnResources, ecsService, ecsTaskDefinition, serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate service with subnets",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "launchType": "FARGATE",
  "networkConfiguration": {
    "awsvpcConfiguration": { "subnets": ["subnet-0abc"], "securityGroups": ["sg-0abc"] }
  }
}`,
    },
    {
      name: "EC2 service in bridge mode needs no network configuration",
      file: "service.json",
      code: `{ "serviceName": "web", "launchType": "EC2", "taskDefinition": "web:3" }`,
    },
    {
      name: "CloudFormation subnets from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: serviceTemplate(`
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: !Ref Subnets
`),
    },
    {
      name: "CloudFormation network configuration behind a condition",
      file: "stack.yaml",
      code: serviceTemplate(`
      LaunchType: FARGATE
      NetworkConfiguration: !If [Private, !Ref AWS::NoValue, !Ref AWS::NoValue]
`),
    },
  ],
  invalid: [
    {
      name: "Fargate service without networkConfiguration",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "launchType": "FARGATE",
  "desiredCount": 2
}`,
      errors: [{ messageId: "missingNetworkConfiguration", line: 3, column: 17, message: "launchType is FARGATE" }],
    },
    {
      name: "awsvpcConfiguration without subnets",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "launchType": "FARGATE",
  "networkConfiguration": {
    "awsvpcConfiguration": { "securityGroups": ["sg-0abc"] }
  }
}`,
      errors: [{ messageId: "missingSubnets", line: 5, column: 28 }],
    },
    {
      name: "CloudFormation FARGATE_SPOT provider, NetworkConfiguration without AwsvpcConfiguration",
      file: "stack.yaml",
      code: serviceTemplate(`
      CapacityProviderStrategy:
        - CapacityProvider: FARGATE_SPOT
          Weight: 1
      NetworkConfiguration: {}
`),
      errors: [{ messageId: "missingAwsvpcConfiguration", line: 8, column: 29, message: "FARGATE_SPOT" }],
    },
    {
      name: "CloudFormation service linked to an awsvpc task definition, empty Subnets",
      file: "stack.yaml",
      code: cfnResources({
        Task: ecsTaskDefinition(`
      NetworkMode: awsvpc
      ContainerDefinitions: []
`),
        Service: ecsService(`
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: []
`),
      }),
      errors: [
        {
          messageId: "missingSubnets",
          line: 13,
          column: 20,
          message: 'task definition "Task" uses networkMode awsvpc',
        },
      ],
    },
    {
      name: "CloudFormation service linked to an awsvpc task definition, no NetworkConfiguration",
      file: "stack.yaml",
      code: cfnResources({
        Task: ecsTaskDefinition(`
      NetworkMode: awsvpc
      ContainerDefinitions: []
`),
        Service: ecsService(`
      TaskDefinition: !Ref Task
`),
      }),
      errors: [
        {
          messageId: "missingNetworkConfiguration",
          line: 10,
          column: 23,
          message: "NetworkConfiguration.AwsvpcConfiguration",
        },
      ],
    },
  ],
});
