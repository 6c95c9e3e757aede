import rule from "./capacity-provider-on-demand-base.js";
import { clusterTemplate, serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "FARGATE base 1 beside FARGATE_SPOT",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "capacityProviderStrategy": [
    { "capacityProvider": "FARGATE", "base": 1, "weight": 1 },
    { "capacityProvider": "FARGATE_SPOT", "weight": 3 }
  ]
}`,
    },
    {
      name: "CloudFormation FARGATE weight from a parameter",
      file: "stack.yaml",
      code: serviceTemplate(`
      CapacityProviderStrategy:
        - CapacityProvider: FARGATE_SPOT
          Weight: 1
        - CapacityProvider: FARGATE
          Weight: !Ref OnDemandWeight
`),
    },
    {
      name: "on-demand only",
      file: "service.json",
      code: `{ "serviceName": "web", "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }] }`,
    },
  ],
  invalid: [
    {
      name: "FARGATE_SPOT alone",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "capacityProviderStrategy": [
    { "capacityProvider": "FARGATE_SPOT", "weight": 1 }
  ]
}`,
      errors: [{ messageId: "noOnDemand", line: 4, column: 27, message: "there is no FARGATE provider" }],
    },
    {
      name: "CloudFormation cluster default strategy: FARGATE with weight 0, and two bases",
      file: "stack.yaml",
      code: clusterTemplate(`
      DefaultCapacityProviderStrategy:
        - CapacityProvider: FARGATE_SPOT
          Base: 2
          Weight: 1
        - CapacityProvider: FARGATE
          Base: 0
          Weight: 0
        - CapacityProvider: my-asg-provider
          Base: 1
`),
      errors: [
        { messageId: "noOnDemand", line: 9, column: 11, message: "FARGATE has neither a base nor a weight" },
        { messageId: "multipleBases", line: 13, column: 17, message: "FARGATE_SPOT, my-asg-provider" },
      ],
    },
  ],
});
