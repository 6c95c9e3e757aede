import rule from "./task-role-same-as-execution-role.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "different roles",
      code: json(
        taskDefinition({
          taskRoleArn: "arn:aws:iam::123456789012:role/web-task",
          executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
          containerDefinitions: [],
        }),
      ),
    },
    {
      name: "CloudFormation: different !GetAtt targets",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      TaskRoleArn: !GetAtt TaskRole.Arn
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      ContainerDefinitions: []
`),
    },
    {
      name: "CloudFormation: parameters may still differ",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      TaskRoleArn: !Ref TaskRoleParam
      ExecutionRoleArn: !Ref ExecutionRoleParam
      ContainerDefinitions: []
`),
    },
  ],
  invalid: [
    {
      name: "the same literal ARN",
      code: `{
  "family": "web",
  "taskRoleArn": "arn:aws:iam::123456789012:role/app",
  "executionRoleArn": "arn:aws:iam::123456789012:role/app",
  "containerDefinitions": []
}`,
      errors: [{ messageId: "sameRole", line: 3, column: 18, message: '"arn:aws:iam::123456789012:role/app"' }],
    },
    {
      name: "a role name and the same role's ARN",
      code: `{
  "taskRoleArn": "app",
  "executionRoleArn": "arn:aws:iam::123456789012:role/app",
  "containerDefinitions": []
}`,
      errors: [{ messageId: "sameRole", line: 2, column: 18 }],
    },
    {
      name: "CloudFormation YAML: the same !GetAtt target",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      TaskRoleArn: !GetAtt AppRole.Arn
      ExecutionRoleArn: !GetAtt AppRole.Arn
      ContainerDefinitions: []
`),
      errors: [{ messageId: "sameRole", line: 5, column: 20, message: "!GetAtt AppRole.Arn" }],
    },
    {
      name: "CloudFormation JSON: Ref and Fn::GetAtt of the same role",
      file: "stack.json",
      code: `{
  "Resources": {
    "Task": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "TaskRoleArn": { "Fn::GetAtt": ["AppRole", "Arn"] },
        "ExecutionRoleArn": { "Fn::GetAtt": ["AppRole", "Arn"] },
        "ContainerDefinitions": []
      }
    }
  }
}`,
      errors: [{ messageId: "sameRole", line: 6, column: 24 }],
    },
  ],
});
