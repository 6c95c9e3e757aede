import rule from "./linux-capabilities-added.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "capabilities only dropped",
      code: json(
        taskDefinition({
          containerDefinitions: [container({ linuxParameters: { capabilities: { add: [], drop: ["ALL"] } } })],
        }),
      ),
    },
    {
      name: "CloudFormation: a parameter list is unknown until deploy",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          LinuxParameters:
            Capabilities:
              Add: !Ref Capabilities
`),
    },
  ],
  invalid: [
    {
      name: "EC2: each added capability, the dangerous ones called out",
      code: `{
  "family": "vpn",
  "containerDefinitions": [{
    "name": "vpn",
    "image": "vpn:1.0",
    "linuxParameters": { "capabilities": { "add": ["NET_ADMIN", "CHOWN"] } }
  }]
}`,
      errors: [
        { messageId: "addedDangerous", line: 6, column: 52, message: "NET_ADMIN" },
        { messageId: "added", line: 6, column: 65, message: "CHOWN" },
      ],
    },
    {
      name: "CloudFormation YAML on Fargate: SYS_PTRACE allowed, SYS_ADMIN refused",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: debug
          Image: debug:1.0
          LinuxParameters:
            Capabilities:
              Add:
                - SYS_PTRACE
                - SYS_ADMIN
`),
      errors: [
        { messageId: "addedDangerous", line: 12, column: 19, message: "SYS_PTRACE" },
        { messageId: "unsupportedOnFargate", line: 13, column: 19, message: "only SYS_PTRACE" },
      ],
    },
  ],
});
