import rule from "./execution-role-required.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate with an execution role",
      code: json(
        taskDefinition({
          requiresCompatibilities: ["FARGATE"],
          executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
          containerDefinitions: [
            {
              name: "web",
              image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
              secrets: [{ name: "DB_PASSWORD", valueFrom: "/prod/db/password" }],
              logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } },
            },
          ],
        }),
      ),
    },
    {
      name: "EC2: awslogs and ECR pulls use the container instance role",
      code: json(
        taskDefinition({
          requiresCompatibilities: ["EC2"],
          containerDefinitions: [
            {
              name: "web",
              image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
              logConfiguration: { logDriver: "awslogs" },
            },
          ],
        }),
      ),
    },
    {
      name: "CloudFormation: the role from !GetAtt",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:1.0"
          Secrets:
            - Name: DB_PASSWORD
              ValueFrom: !Ref DbSecret
`),
    },
  ],
  invalid: [
    {
      name: "Fargate without an execution role: each trigger is reported where it is",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [{
    "name": "web",
    "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2",
    "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "/prod/db/password" }],
    "logConfiguration": { "logDriver": "awslogs" }
  }]
}`,
      errors: [
        { messageId: "privateEcr", line: 6, column: 14, message: 'container "web"' },
        { messageId: "secrets", line: 7, column: 16, message: "secrets[]" },
        { messageId: "awslogs", line: 8, column: 40, message: "on Fargate" },
      ],
    },
    {
      name: "EC2: secrets and private registry credentials still need the role",
      code: `{
  "family": "worker",
  "containerDefinitions": [{
    "name": "worker",
    "image": "registry.example.com:5000/worker:2.0",
    "repositoryCredentials": { "credentialsParameter": "dockerhub" },
    "logConfiguration": {
      "logDriver": "splunk",
      "secretOptions": [{ "name": "splunk-token", "valueFrom": "/prod/splunk" }]
    }
  }]
}`,
      errors: [
        { messageId: "registryAuth", line: 6, column: 30 },
        { messageId: "secrets", line: 9, column: 24, message: "logConfiguration.secretOptions[]" },
      ],
    },
    {
      name: "CloudFormation YAML: a !Sub ECR image on Fargate",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities:
        - FARGATE
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:1.0"
`),
      errors: [{ messageId: "privateEcr", line: 9, column: 18 }],
    },
  ],
});
