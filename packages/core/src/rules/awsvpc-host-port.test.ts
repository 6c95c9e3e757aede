import rule from "./awsvpc-host-port.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "awsvpc without hostPort, and with an equal hostPort",
      code: `{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80 }] },
    { "name": "api", "image": "api:1.0", "portMappings": [{ "containerPort": 8080, "hostPort": 8080 }] }
  ]
}`,
    },
    {
      name: "bridge mode may translate ports",
      code: `{
  "family": "web",
  "networkMode": "bridge",
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }]
}`,
    },
    {
      name: "CloudFormation hostPort from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
              HostPort: !Ref HostPort
`,
    },
  ],
  invalid: [
    {
      name: "awsvpc with a different hostPort",
      code: `{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "portMappings": [{ "containerPort": 80, "hostPort": 8080 }]
    }
  ]
}`,
      errors: [
        {
          messageId: "hostPortDiffers",
          line: 8,
          column: 59,
          message: 'container "web" maps containerPort 80 to hostPort 8080',
        },
      ],
    },
    {
      name: "Fargate without a network mode is awsvpc all the same",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 0 }] }
  ]
}`,
      errors: [{ messageId: "hostPortDiffers", line: 5, column: 97 }],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
              HostPort: 8080
`,
      errors: [{ messageId: "hostPortDiffers", line: 11, column: 25 }],
    },
  ],
});
