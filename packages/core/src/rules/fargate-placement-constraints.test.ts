import rule from "./fargate-placement-constraints.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate without constraints",
      code: `{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [] }`,
    },
    {
      name: "Fargate with an empty list",
      code: `{ "family": "web", "requiresCompatibilities": ["FARGATE"], "placementConstraints": [], "containerDefinitions": [] }`,
    },
    {
      name: "EC2 with a memberOf constraint",
      code: json(
        taskDefinition({
          requiresCompatibilities: ["EC2"],
          placementConstraints: [{ type: "memberOf", expression: "attribute:ecs.instance-type =~ t3.*" }],
          containerDefinitions: [],
        }),
      ),
    },
    {
      name: "CloudFormation constraints from a condition (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      PlacementConstraints: !If [OnEc2, [{ Type: memberOf, Expression: "attribute:x == y" }], !Ref AWS::NoValue]
      ContainerDefinitions: []
`),
    },
  ],
  invalid: [
    {
      name: "Fargate with a memberOf constraint",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "placementConstraints": [
    { "type": "memberOf", "expression": "attribute:ecs.availability-zone in [us-east-1a]" }
  ],
  "containerDefinitions": []
}`,
      errors: [{ messageId: "constraintsOnFargate", line: 4, column: 27, message: "1 placement constraint(s)" }],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities:
        - FARGATE
      PlacementConstraints:
        - Type: memberOf
          Expression: "attribute:ecs.os-type == linux"
      ContainerDefinitions: []
`),
      errors: [{ messageId: "constraintsOnFargate", line: 8, column: 9 }],
    },
  ],
});
