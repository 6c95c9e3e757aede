import rule from "./placement-constraint-expression.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "memberOf with a compound expression and distinctInstance",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "launchType": "EC2",
  "placementConstraints": [
    { "type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone in [us-east-1a, us-east-1b]" },
    { "type": "distinctInstance" }
  ]
}`,
    },
    {
      name: "CloudFormation expression from a Sub",
      file: "stack.yaml",
      code: serviceTemplate(`
      PlacementConstraints:
        - Type: memberOf
          Expression: !Sub "attribute:stack == \${Stack}"
`),
    },
    {
      name: "task definition memberOf",
      code: json(
        taskDefinition({
          containerDefinitions: [],
          placementConstraints: [{ type: "memberOf", expression: "not(task:group == database)" }],
        }),
      ),
    },
  ],
  invalid: [
    {
      name: "unbalanced parentheses and an unknown operator",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "placementConstraints": [
    { "type": "memberOf", "expression": "(attribute:ecs.instance-type == t3.small" },
    { "type": "memberOf", "expression": "attribute:ecs.instance-type = t3.small" }
  ]
}`,
      errors: [
        { messageId: "badExpression", line: 4, column: 41, message: "( is not closed" },
        { messageId: "badExpression", line: 5, column: 41, message: "known operator" },
      ],
    },
    {
      name: "CloudFormation memberOf without an expression, distinctInstance with one",
      file: "stack.yaml",
      code: serviceTemplate(`
      PlacementConstraints:
        - Type: memberOf
        - Type: distinctInstance
          Expression: attribute:ecs.instance-type == t3.small
`),
      errors: [
        { messageId: "expressionRequired", line: 6, column: 11 },
        { messageId: "expressionNotAllowed", line: 8, column: 23 },
      ],
    },
    {
      name: "constraints on a Fargate service",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "launchType": "FARGATE",
  "placementConstraints": [{ "type": "distinctInstance" }]
}`,
      errors: [{ messageId: "onFargate", line: 4, column: 27 }],
    },
    {
      name: "distinctInstance in a task definition",
      code: `{
  "family": "web",
  "containerDefinitions": [],
  "placementConstraints": [{ "type": "distinctInstance" }]
}`,
      errors: [{ messageId: "distinctInstanceInTaskDefinition", line: 4, column: 38 }],
    },
  ],
});
