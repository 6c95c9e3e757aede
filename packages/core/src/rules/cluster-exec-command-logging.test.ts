import rule from "./cluster-exec-command-logging.js";
import { clusterTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    { name: "no configuration", code: `{ "clusterName": "prod" }` },
    {
      name: "DEFAULT logging",
      code: `{ "clusterName": "prod", "configuration": { "executeCommandConfiguration": { "logging": "DEFAULT" } } }`,
    },
    {
      name: "CloudFormation OVERRIDE with a log group",
      file: "stack.yaml",
      code: clusterTemplate(`
      Configuration:
        ExecuteCommandConfiguration:
          Logging: OVERRIDE
          LogConfiguration:
            CloudWatchLogGroupName: /ecs/exec
`),
    },
  ],
  invalid: [
    {
      name: "ECS JSON logging NONE",
      code: `{
  "clusterName": "prod",
  "configuration": { "executeCommandConfiguration": { "logging": "NONE" } }
}`,
      errors: [{ messageId: "loggingOff", line: 3, column: 66 }],
    },
    {
      name: "CloudFormation logging NONE",
      file: "stack.yaml",
      code: clusterTemplate(`
      Configuration:
        ExecuteCommandConfiguration:
          Logging: NONE
`),
      errors: [{ messageId: "loggingOff", line: 7, column: 20, message: "logging is NONE" }],
    },
  ],
});
