import rule from "./secret-source-invalid.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

const githubToken = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

testRule(rule, {
  valid: [
    {
      name: "SSM names, paths and ARNs; Secrets Manager ARNs with and without the suffix, any partition",
      code: json(taskDefinition({
        executionRoleArn: "arn:aws:iam::123456789012:role/exec",
        containerDefinitions: [
          container({
            secrets: [
              { name: "A", valueFrom: "db-password" },
              { name: "B", valueFrom: "/prod/db/password" },
              { name: "C", valueFrom: "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password" },
              { name: "D", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf" },
              {
                name: "E",
                valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf:password::",
              },
              { name: "F", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db:username:AWSPREVIOUS:" },
              { name: "G", valueFrom: "arn:aws-cn:ssm:cn-north-1:123456789012:parameter/db" },
              { name: "H", valueFrom: "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf" },
            ],
            logConfiguration: {
              logDriver: "splunk",
              secretOptions: [{ name: "splunk-token", valueFrom: "/prod/splunk/token" }],
            },
            repositoryCredentials: {
              credentialsParameter: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-AbCdEf",
            },
          }),
        ],
      })),
    },
    {
      name: "CloudFormation: intrinsics are known only at deploy time",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Secrets:
            - Name: DB_PASSWORD
              ValueFrom: !Ref DbSecret
            - Name: API_KEY
              ValueFrom: !Sub "arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/api-key"
          RepositoryCredentials:
            CredentialsParameter: dockerhub-credentials
`),
    },
  ],
  invalid: [
    {
      name: "an S3 ARN, a URL and a Secrets Manager ARN with too many fields",
      code: `{
  "containerDefinitions": [{
    "name": "web",
    "secrets": [
      { "name": "A", "valueFrom": "arn:aws:s3:::x" },
      { "name": "B", "valueFrom": "https://vault.example.com/v1/db" },
      { "name": "C", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db:a:b:c:d" }
    ]
  }]
}`,
      errors: [
        {
          messageId: "invalidSource",
          line: 5,
          column: 35,
          message: 'secrets[0].valueFrom "arn:aws:s3:::x" in container "web" is not an SSM parameter or a Secrets Manager secret',
        },
        { messageId: "invalidSource", line: 6, column: 35, message: "secrets[1].valueFrom" },
        { messageId: "tooManyFields", line: 7, column: 35, message: "secrets[2].valueFrom" },
      ],
    },
    {
      name: "a plain secret where the reference belongs is not echoed",
      code: `{
  "containerDefinitions": [{
    "name": "web",
    "secrets": [
      { "name": "GH", "valueFrom": "${githubToken}" },
      { "name": "PW", "valueFrom": "correct horse battery staple" }
    ]
  }]
}`,
      errors: [
        { messageId: "plainSecret", line: 5, column: 36, notInMessage: githubToken },
        { messageId: "plainSecret", line: 6, column: 36, notInMessage: "horse" },
      ],
    },
    {
      name: "CloudFormation YAML: an SSM parameter as registry credentials, an S3 ARN in secretOptions",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: registry.example.com/web:1.0
          RepositoryCredentials:
            CredentialsParameter: arn:aws:ssm:eu-west-1:123456789012:parameter/dockerhub
          LogConfiguration:
            LogDriver: splunk
            SecretOptions:
              - Name: splunk-token
                ValueFrom: arn:aws:s3:::bucket/token
`),
      errors: [
        { messageId: "invalidCredentials", line: 9, column: 35, message: "repositoryCredentials.credentialsParameter" },
        { messageId: "invalidSource", line: 14, column: 28, message: "logConfiguration.secretOptions[0].valueFrom" },
      ],
    },
  ],
});
