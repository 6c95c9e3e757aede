import rule from "./log-configuration.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "every documented awslogs option, and Docker's",
      code: json(taskDefinition({
        containerDefinitions: [
          {
            name: "web",
            logConfiguration: {
              logDriver: "awslogs",
              options: {
                "awslogs-group": "/ecs/web",
                "awslogs-region": "eu-west-1",
                "awslogs-stream-prefix": "web",
                "awslogs-create-group": "true",
                "awslogs-datetime-format": "%Y-%m-%d",
                "awslogs-multiline-pattern": "^INFO",
                "awslogs-endpoint": "https://logs.eu-west-1.amazonaws.com",
                mode: "non-blocking",
                "max-buffer-size": "25m",
                tag: "{{.Name}}",
              },
            },
          },
        ],
      })),
    },
    {
      name: "Fargate awslogs with group, region and stream prefix",
      code: json(taskDefinition({
        requiresCompatibilities: ["FARGATE"],
        containerDefinitions: [
          container({
            logConfiguration: {
              logDriver: "awslogs",
              options: { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web" },
            },
          }),
        ],
      })),
    },
    {
      name: "EC2 awslogs without a stream prefix, and a json-file driver",
      code: json(taskDefinition({
        requiresCompatibilities: ["EC2"],
        containerDefinitions: [
          container({
            logConfiguration: {
              logDriver: "awslogs",
              options: { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1" },
            },
          }),
          { name: "agent", image: "agent:1", logConfiguration: { logDriver: "json-file" } },
        ],
      })),
    },
    {
      name: "CloudFormation options with !Ref values and options from !If",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref LogGroup
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: web
        - Name: worker
          Image: worker:1
          LogConfiguration:
            LogDriver: awslogs
            Options: !If [Prod, { awslogs-group: a, awslogs-region: b, awslogs-stream-prefix: c }, !Ref AWS::NoValue]
`),
    },
  ],
  invalid: [
    {
      name: "unknown awslogs option names (cfn-lint E3046)",
      code: `{
  "family": "web",
  "containerDefinitions": [{
    "name": "web",
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/web",
        "awslogs-region": "eu-west-1",
        "awslogs-stream-prefx": "web",
        "awslogs_create_group": "true",
        "retention": "7"
      }
    }
  }]
}`,
      errors: [
        { messageId: "unknownOption", line: 10, column: 33, message: '"awslogs-stream-prefx" to the awslogs driver, which has no such option (did you mean "awslogs-stream-prefix"?)' },
        { messageId: "unknownOption", line: 11, column: 33, message: '(did you mean "awslogs-create-group"?)' },
        { messageId: "unknownOption", line: 12, column: 22, notInMessage: "did you mean" },
      ],
    },
    {
      name: "no log configuration",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27" }
  ]
}`,
      errors: [{ messageId: "missing", line: 4, column: 5, message: 'container "web" has no logConfiguration' }],
    },
    {
      name: "Fargate awslogs without a stream prefix, and an unsupported driver",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1" } }
    },
    { "name": "agent", "image": "agent:1", "logConfiguration": { "logDriver": "json-file" } }
  ]
}`,
      errors: [
        {
          messageId: "missingOption",
          line: 8,
          column: 64,
          message: '"awslogs-stream-prefix" option (required on Fargate)',
        },
        { messageId: "unsupportedDriver", line: 10, column: 79, message: '"json-file"' },
      ],
    },
    {
      name: "CloudFormation YAML, awslogs without options",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          LogConfiguration:
            LogDriver: awslogs
`),
      errors: [
        { messageId: "missingOption", line: 9, column: 13, message: '"awslogs-group"' },
        { messageId: "missingOption", line: 9, column: 13, message: '"awslogs-region"' },
      ],
    },
  ],
});
