import rule from "./fargate-host-volume.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "Fargate bind mount on ephemeral storage and an EFS volume",
      code: json(
        taskDefinition({
          requiresCompatibilities: ["FARGATE"],
          volumes: [
            { name: "scratch" },
            { name: "empty-host", host: {} },
            { name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-12345678", transitEncryption: "ENABLED" } },
          ],
          containerDefinitions: [],
        }),
      ),
    },
    {
      name: "EC2 may bind host paths and use Docker volumes",
      code: json(
        taskDefinition({
          requiresCompatibilities: ["EC2"],
          volumes: [
            { name: "logs", host: { sourcePath: "/var/log/app" } },
            { name: "data", dockerVolumeConfiguration: { scope: "task", driver: "local" } },
          ],
          containerDefinitions: [],
        }),
      ),
    },
    {
      name: "CloudFormation sourcePath from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      Volumes:
        - Name: data
          Host:
            SourcePath: !If [OnEc2, /data, !Ref AWS::NoValue]
      ContainerDefinitions: []
`),
    },
  ],
  invalid: [
    {
      name: "Fargate with a host sourcePath and a Docker volume",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "volumes": [
    { "name": "logs", "host": { "sourcePath": "/var/log/app" } },
    { "name": "data", "dockerVolumeConfiguration": { "scope": "task" } }
  ],
  "containerDefinitions": []
}`,
      errors: [
        { messageId: "hostSourcePath", line: 5, column: 47, message: 'volume "logs" binds host path "/var/log/app"' },
        { messageId: "dockerVolume", line: 6, column: 52 },
      ],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      Volumes:
        - Name: data
          Host:
            SourcePath: /srv/data
      ContainerDefinitions: []
`),
      errors: [{ messageId: "hostSourcePath", line: 9, column: 25 }],
    },
  ],
});
