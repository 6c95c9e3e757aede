import rule from "./autoscaling-capacity-range.js";
import { scalableTargetTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "1 to 10 tasks",
      file: "stack.yaml",
      code: scalableTargetTemplate(`
      ServiceNamespace: ecs
      ScalableDimension: ecs:service:DesiredCount
      ResourceId: service/prod/web
      MinCapacity: 1
      MaxCapacity: 10
`),
    },
    {
      name: "maximum from a parameter",
      file: "stack.yaml",
      code: scalableTargetTemplate(`
      MinCapacity: 20
      MaxCapacity: !Ref MaxTasks
`),
    },
    {
      name: "CloudFormation JSON, equal bounds",
      file: "stack.json",
      code: `{
  "Resources": {
    "Target": {
      "Type": "AWS::ApplicationAutoScaling::ScalableTarget",
      "Properties": { "MinCapacity": 2, "MaxCapacity": 2 }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: "minimum above maximum",
      file: "stack.yaml",
      code: scalableTargetTemplate(`
      MinCapacity: 10
      MaxCapacity: 2
`),
      errors: [{ messageId: "minAboveMax", line: 5, column: 20, message: "MinCapacity 10 is above MaxCapacity 2" }],
    },
    {
      name: "negative minimum",
      file: "stack.json",
      code: `{
  "Resources": {
    "Target": {
      "Type": "AWS::ApplicationAutoScaling::ScalableTarget",
      "Properties": { "MinCapacity": -1, "MaxCapacity": 4 }
    }
  }
}`,
      errors: [{ messageId: "negative", line: 5, column: 38 }],
    },
  ],
});
