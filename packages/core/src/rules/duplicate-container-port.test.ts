import rule from "./duplicate-container-port.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "awsvpc containers on distinct ports; tcp and udp on the same port",
      code: json(
        taskDefinition({
          networkMode: "awsvpc",
          containerDefinitions: [
            container({ portMappings: [{ containerPort: 80 }] }),
            {
              name: "dns",
              image: "dns:1",
              portMappings: [{ containerPort: 53 }, { containerPort: 53, protocol: "udp" }],
            },
          ],
        }),
      ),
    },
    {
      name: "bridge: the same containerPort in two containers with dynamic host ports",
      code: json(
        taskDefinition({
          networkMode: "bridge",
          containerDefinitions: [
            { name: "a", image: "a:1", portMappings: [{ containerPort: 80, hostPort: 0 }] },
            { name: "b", image: "b:1", portMappings: [{ containerPort: 80 }] },
          ],
        }),
      ),
    },
    {
      name: "CloudFormation ports from parameters (unknown until deploy)",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: a
          Image: a:1
          PortMappings:
            - ContainerPort: !Ref PortA
        - Name: b
          Image: b:1
          PortMappings:
            - ContainerPort: !Ref PortB
`),
    },
  ],
  invalid: [
    {
      name: "awsvpc: the same port in two containers",
      code: `{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "portMappings": [{ "containerPort": 8080 }] },
    { "name": "api", "image": "api:1", "portMappings": [{ "containerPort": 8080, "protocol": "tcp" }] }
  ]
}`,
      errors: [
        {
          messageId: "duplicateContainerPort",
          line: 6,
          column: 76,
          message: 'already mapped by portMappings[0] of container "web"',
        },
      ],
    },
    {
      name: "bridge: the same fixed host port in two containers, and a port twice in one container",
      code: `{
  "family": "web",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "a", "image": "a:1", "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] },
    { "name": "b", "image": "b:1", "portMappings": [{ "containerPort": 81, "hostPort": 8080 }] },
    { "name": "c", "image": "c:1", "portMappings": [{ "containerPort": 9000 }, { "containerPort": 9000 }] }
  ]
}`,
      errors: [
        {
          messageId: "duplicateHostPort",
          line: 6,
          column: 88,
          message: 'host port 8080/tcp, already mapped by portMappings[0] of container "a"',
        },
        { messageId: "duplicateContainerPort", line: 7, column: 99, message: "already mapped by portMappings[0]:" },
      ],
    },
    {
      name: "CloudFormation YAML, host mode: a containerPort that binds the same host port",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      NetworkMode: host
      ContainerDefinitions:
        - Name: a
          Image: a:1
          PortMappings:
            - ContainerPort: 80
        - Name: b
          Image: b:1
          PortMappings:
            - ContainerPort: 80
              HostPort: 80
`),
      errors: [{ messageId: "duplicateHostPort", line: 15, column: 25 }],
    },
  ],
});
