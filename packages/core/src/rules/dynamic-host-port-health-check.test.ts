import rule from "./dynamic-host-port-health-check.js";
import { cfnResources, ecsService, ecsTaskDefinition, targetGroup } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

const stack = ({ hostPort = "              HostPort: 0\n", health = "      HealthCheckPort: 8080\n", mode = "" } = {}) =>
  cfnResources({
    Web: ecsService(`
      TaskDefinition: !Ref Task
      LoadBalancers:
        - ContainerName: web
          ContainerPort: 8080
          TargetGroupArn: !Ref WebTargets
`),
    Task: ecsTaskDefinition(`
${mode}      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Memory: 256
          PortMappings:
            - ContainerPort: 8080
${hostPort}`),
    WebTargets: targetGroup(`
      Port: 80
      Protocol: HTTP
${health}`),
  });

testRule(rule, {
  valid: [
    { name: "traffic-port", file: "stack.yaml", code: stack({ health: "      HealthCheckPort: traffic-port\n" }) },
    { name: "health check port left out (traffic-port by default)", file: "stack.yaml", code: stack({ health: "" }) },
    { name: "a static host port", file: "stack.yaml", code: stack({ hostPort: "              HostPort: 8080\n" }) },
    {
      name: "awsvpc without a host port (the host port is the container port)",
      file: "stack.yaml",
      code: stack({ hostPort: "", mode: "      NetworkMode: awsvpc\n" }),
    },
    { name: "health check port from a parameter", file: "stack.yaml", code: stack({ health: "      HealthCheckPort: !Ref Port\n" }) },
  ],
  invalid: [
    {
      name: "host port 0 and a fixed health check port (cfn-lint E3049)",
      file: "stack.yaml",
      code: stack(),
      errors: [{ messageId: "fixedPort", line: 25, column: 24, message: 'target group "WebTargets" checks health on port "8080"' }],
    },
    {
      name: "bridge mode without a host port (dynamic too)",
      file: "stack.yaml",
      code: stack({ hostPort: "" }),
      errors: [{ messageId: "fixedPort", line: 24, column: 24 }],
    },
    {
      name: "target group named by !GetAtt",
      file: "stack.yaml",
      code: stack().replace("!Ref WebTargets", "!GetAtt WebTargets.TargetGroupArn"),
      errors: [{ messageId: "fixedPort", line: 25, column: 24 }],
    },
    {
      name: "task definition named by !GetAtt (cfn-lint E3049's own positive case)",
      file: "stack.yaml",
      code: stack().replace("!Ref Task", "!GetAtt Task.TaskDefinitionArn"),
      errors: [{ messageId: "fixedPort", line: 25, column: 24 }],
    },
  ],
});
