import rule from "./placement-strategy-valid.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "spread across zones, then binpack on memory",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "launchType": "EC2",
  "placementStrategy": [
    { "type": "spread", "field": "attribute:ecs.availability-zone" },
    { "type": "binpack", "field": "memory" }
  ]
}`,
    },
    {
      name: "CloudFormation random, and spread on a field from a parameter",
      file: "stack.yaml",
      code: serviceTemplate(`
      PlacementStrategies:
        - Type: spread
          Field: !Ref SpreadField
        - Type: random
`),
    },
    {
      name: "Fargate service without strategies",
      file: "service.json",
      code: `{ "serviceName": "web", "launchType": "FARGATE", "placementStrategy": [] }`,
    },
  ],
  invalid: [
    {
      name: "binpack on a wrong field, spread without a field",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "placementStrategy": [
    { "type": "binpack", "field": "instanceId" },
    { "type": "spread" }
  ]
}`,
      errors: [
        { messageId: "binpackField", line: 4, column: 35, message: '"instanceId"' },
        { messageId: "spreadField", line: 5, column: 5, message: "none" },
      ],
    },
    {
      name: "CloudFormation strategies on Fargate",
      file: "stack.yaml",
      code: serviceTemplate(`
      LaunchType: FARGATE
      PlacementStrategies:
        - Type: spread
          Field: attribute:ecs.availability-zone
`),
      errors: [{ messageId: "onFargate", line: 7, column: 9 }],
    },
    {
      name: "unknown type and a field on random",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "placementStrategy": [
    { "type": "pack", "field": "cpu" },
    { "type": "random", "field": "cpu" }
  ]
}`,
      errors: [
        { messageId: "unknownType", line: 4, column: 15 },
        { messageId: "randomField", line: 5, column: 34 },
      ],
    },
  ],
});
