import rule from "./host-namespace-mode.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "task namespaces",
      code: json(taskDefinition({ pidMode: "task", ipcMode: "none", containerDefinitions: [] })),
    },
    {
      name: "CloudFormation: a parameter is unknown until deploy",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      PidMode: !Ref PidMode
      ContainerDefinitions: []
`),
    },
  ],
  invalid: [
    {
      name: "host PID and IPC on EC2",
      code: `{
  "family": "monitor",
  "pidMode": "host",
  "ipcMode": "host",
  "containerDefinitions": []
}`,
      errors: [
        { messageId: "hostMode", line: 3, column: 14, message: "process namespace" },
        { messageId: "hostMode", line: 4, column: 14, message: "IPC namespace" },
      ],
    },
    {
      name: "CloudFormation YAML: host PID on Fargate",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      RequiresCompatibilities: [FARGATE]
      PidMode: host
      ContainerDefinitions: []
`),
      errors: [{ messageId: "hostModeOnFargate", line: 6, column: 16, message: "Fargate" }],
    },
  ],
});
