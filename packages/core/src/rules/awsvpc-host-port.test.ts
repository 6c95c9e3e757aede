import rule from "./awsvpc-host-port.js";
import { cfnResources, ecsTaskDefinition, taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "awsvpc without hostPort, and with an equal hostPort",
      code: json(
        taskDefinition({
          networkMode: "awsvpc",
          containerDefinitions: [
            container({ portMappings: [{ containerPort: 80 }] }),
            { name: "api", image: "api:1.0", portMappings: [{ containerPort: 8080, hostPort: 8080 }] },
          ],
        }),
      ),
    },
    {
      name: "bridge mode may translate ports",
      code: json(
        taskDefinition({
          networkMode: "bridge",
          containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })],
        }),
      ),
    },
    {
      name: "host mode without hostPort, and with an equal hostPort",
      code: json(
        taskDefinition({
          networkMode: "host",
          requiresCompatibilities: ["EC2"],
          containerDefinitions: [
            container({ memory: 256, portMappings: [{ containerPort: 80 }] }),
            { name: "api", image: "api:1.0", memory: 256, portMappings: [{ containerPort: 8080, hostPort: 8080 }] },
          ],
        }),
      ),
    },
    {
      name: "network mode none, and a network mode from a parameter, are not checked",
      file: "stack.yaml",
      code: cfnResources({
        NoNetwork: ecsTaskDefinition(`
      NetworkMode: none
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
              HostPort: 8080
`),
        FromParameter: ecsTaskDefinition(`
      NetworkMode: !Ref NetworkMode
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
              HostPort: 8080
`),
      }),
    },
    {
      name: "CloudFormation hostPort from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
              HostPort: !Ref HostPort
`),
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
          message: 'container "web" maps containerPort 80 to hostPort 8080, but under awsvpc networking',
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
      errors: [{ messageId: "hostPortDiffers", line: 5, column: 97, message: "under awsvpc networking" }],
    },
    {
      name: "host mode with a different hostPort",
      code: `{
  "family": "web",
  "networkMode": "host",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:1.27",
      "memory": 256,
      "portMappings": [{ "containerPort": 8080, "hostPort": 80 }]
    }
  ]
}`,
      errors: [
        {
          messageId: "hostPortDiffers",
          line: 10,
          column: 61,
          message:
            'container "app" maps containerPort 8080 to hostPort 80, but under host networking hostPort must be left out or equal containerPort: remove hostPort or set it to 8080',
        },
      ],
    },
    {
      name: "CloudFormation YAML, host mode",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [EC2]
      NetworkMode: host
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 256
          PortMappings:
            - ContainerPort: 8080
              HostPort: 80
`),
      errors: [{ messageId: "hostPortDiffers", line: 13, column: 25, message: "under host networking" }],
    },
    {
      name: "CloudFormation YAML, PascalCase",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
              HostPort: 8080
`),
      errors: [{ messageId: "hostPortDiffers", line: 11, column: 25 }],
    },
  ],
});
