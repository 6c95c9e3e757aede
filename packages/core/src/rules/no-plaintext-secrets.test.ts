import rule from "./no-plaintext-secrets.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

// Fake credentials are assembled at run time so that secret scanners do not flag this file.
const awsKeyId = "AKIA" + "IOSFODNN7EXAMPLE";
const githubToken = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

testRule(rule, {
  valid: [
    {
      name: "CloudFormation: values unknown until deploy that are not secret by their source",
      file: "stack.yaml",
      code: `Parameters:
  DatabasePasswordArn:
    Type: String
  DbPassword:
    Type: String
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: orders
          Image: nginx:1.27
          Environment:
            - Name: ORDERS_DB_PASSWORD
              Value: !Ref DatabasePasswordArn
            - Name: DB_PASSWORD
              Value: !Ref DbPassword
            - Name: API_TOKEN
              Value: !ImportValue shared-api-token-arn
            - Name: DB_SECRET
              Value: !GetAtt DbSecret.Id
            - Name: SMTP_PASSWORD
              Value: "{{resolve:ssm:/prod/smtp/password-parameter-name}}"
`,
    },
    {
      name: "harmless values and metadata names",
      code: json(taskDefinition({
        containerDefinitions: [
          container({
            environment: [
              { name: "DB_PORT", value: "5432" },
              { name: "SESSION_TOKEN_TTL", value: "15m" },
              { name: "AUTH_ENABLED", value: "true" },
              { name: "DB_PASSWORD_ARN", value: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" },
              { name: "DB_PASSWORD_FILE", value: "/run/secrets/db" },
              { name: "DATABASE_URL", value: "postgres://app:${DB_PASSWORD}@db.internal/app" },
              { name: "GIT_SHA", value: "9fceb02d0ae598e95dc970b74767f19372d61af8" },
              { name: "API_TOKEN", value: "" },
            ],
            secrets: [{ name: "DB_PASSWORD", valueFrom: "/prod/db/password" }],
          }),
        ],
      })),
    },
    {
      name: "CloudFormation: an intrinsic under a harmless name",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Environment:
            - Name: DB_HOST
              Value: !GetAtt Database.Endpoint.Address
            - Name: DB_PASSWORD_SECRET_ARN
              Value: !Ref DbSecret
`),
    },
  ],
  invalid: [
    {
      name: "AWS_ACCESS_KEY_ID is a credential by name, whatever the value's shape",
      code: `{
  "family": "web",
  "containerDefinitions": [{
    "name": "web",
    "environment": [{ "name": "AWS_ACCESS_KEY_ID", "value": "deploy-user-key" }]
  }]
}`,
      errors: [{ messageId: "secretName", line: 5, column: 61, message: '"AWS_ACCESS_KEY_ID"', notInMessage: "deploy-user-key" }],
    },
    {
      name: "a numeric password under a password name (KICS's own positive case)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Environment:
            - Name: password
              Value: "123123"
`),
      errors: [{ messageId: "secretName", line: 10, column: 22, message: '"password"', notInMessage: "123123" }],
    },
    {
      name: "a secret by name",
      code: `{
  "family": "web",
  "containerDefinitions": [{
    "name": "web",
    "environment": [
      { "name": "DB_PASSWORD", "value": "hunter2-prod" }
    ]
  }]
}`,
      errors: [
        {
          messageId: "secretName",
          line: 6,
          column: 41,
          message: 'environment variable "DB_PASSWORD"',
          notInMessage: "hunter2-prod",
        },
      ],
    },
    {
      name: "secrets by value, whatever the name",
      code: `{
  "family": "web",
  "containerDefinitions": [{
    "name": "worker",
    "environment": [
      { "name": "KEY_ONE", "value": "${awsKeyId}" },
      { "name": "NOTES", "value": "${githubToken}" },
      { "name": "DATABASE_URL", "value": "mysql://root:toor@db:3306/app" }
    ]
  }]
}`,
      errors: [
        { messageId: "secretValue", line: 6, column: 37, message: "an AWS access key id", notInMessage: awsKeyId },
        { messageId: "secretValue", line: 7, column: 35, message: "a GitHub token", notInMessage: githubToken },
        { messageId: "secretValue", line: 8, column: 42, message: "a password in a URL", notInMessage: "toor" },
      ],
    },
    {
      name: "CloudFormation YAML: a literal under a secret name, and a !Ref of a NoEcho parameter",
      file: "stack.yaml",
      code: `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: api
          Image: nginx:1.27
          Environment:
            - Name: STRIPE_API_KEY
              Value: not-a-real-key-123
            - Name: DB_PASS
              Value: !Ref DbPassword
            - Name: DATABASE_URL
              Value: !Sub "postgres://app:\${DbPassword}@db.internal/app"
`,
      errors: [
        { messageId: "secretName", line: 14, column: 22, notInMessage: "not-a-real-key-123" },
        { messageId: "secretReference", line: 16, column: 22, message: "!Ref DbPassword, a NoEcho parameter," },
        { messageId: "secretReference", line: 18, column: 22, message: "a !Sub of the NoEcho parameter DbPassword" },
      ],
    },
    {
      name: "CloudFormation: secret dynamic references, whatever the variable's name",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: api
          Image: nginx:1.27
          Environment:
            - Name: DB_CONFIG
              Value: "{{resolve:secretsmanager:prod/db:SecretString:password}}"
            - Name: SIGNING
              Value: !Sub "{{resolve:ssm-secure:/prod/signing}}"
`),
      errors: [
        { messageId: "secretReference", line: 10, column: 22, message: "a Secrets Manager dynamic reference" },
        { messageId: "secretReference", line: 12, column: 22, message: "an SSM SecureString dynamic reference" },
      ],
    },
    {
      name: "CloudFormation JSON: Fn::Sub with a literal password in a URL",
      file: "stack.json",
      code: `{
  "Resources": {
    "Task": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "ContainerDefinitions": [{
          "Name": "api",
          "Environment": [
            { "Name": "BROKER", "Value": { "Fn::Sub": "amqp://app:letmein@\${Broker}:5672" } }
          ]
        }]
      }
    }
  }
}`,
      errors: [{ messageId: "secretValue", line: 9, column: 42, notInMessage: "letmein" }],
    },
    {
      name: "a placeholder under a secret name is rendered into the task definition",
      code: `{
  "containerDefinitions": [{
    "name": "web",
    "environment": [{ "name": "API_TOKEN", "value": "\${API_TOKEN}" }]
  }]
}`,
      errors: [{ messageId: "secretReference", line: 4, column: 53, message: "${API_TOKEN}" }],
    },
  ],
});
