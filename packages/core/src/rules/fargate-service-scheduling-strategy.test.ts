import rule from "./fargate-service-scheduling-strategy.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate replica service",
      code: `{ "serviceName": "web", "launchType": "FARGATE", "schedulingStrategy": "REPLICA" }`,
    },
    {
      name: "EC2 daemon service",
      code: `{ "serviceName": "agent", "launchType": "EC2", "schedulingStrategy": "DAEMON" }`,
    },
    {
      name: "daemon with the ECS controller, no launch type",
      code: `{ "serviceName": "agent", "schedulingStrategy": "DAEMON", "deploymentController": { "type": "ECS" } }`,
    },
    {
      name: "CloudFormation launch type from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: serviceTemplate(`
      LaunchType: !Ref LaunchType
      SchedulingStrategy: DAEMON
`),
    },
  ],
  invalid: [
    {
      name: "Fargate daemon (ECS JSON)",
      code: `{
  "serviceName": "agent",
  "launchType": "FARGATE",
  "schedulingStrategy": "DAEMON"
}`,
      errors: [{ messageId: "daemon", line: 4, column: 25, message: "launchType is FARGATE" }],
    },
    {
      name: "CloudFormation daemon on a Fargate capacity provider (cfn-lint E3044)",
      file: "stack.yaml",
      code: serviceTemplate(`
      CapacityProviderStrategy:
        - CapacityProvider: FARGATE_SPOT
          Weight: 1
      SchedulingStrategy: DAEMON
`),
      errors: [{ messageId: "daemon", line: 8, column: 27, message: "Fargate capacity provider" }],
    },
    {
      name: "daemon with the CODE_DEPLOY controller",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentController:
        Type: CODE_DEPLOY
      SchedulingStrategy: DAEMON
`),
      errors: [{ messageId: "daemon", line: 7, column: 27, message: "the deployment controller is CODE_DEPLOY" }],
    },
  ],
});
