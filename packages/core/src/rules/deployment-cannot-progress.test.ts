import rule from "./deployment-cannot-progress.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "defaults (100/200)",
      file: "service.json",
      code: `{ "serviceName": "web", "desiredCount": 1 }`,
    },
    {
      name: "4 tasks at 50/100 (the documented example)",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "desiredCount": 4,
  "deploymentConfiguration": { "minimumHealthyPercent": 50, "maximumPercent": 100 }
}`,
    },
    {
      name: "100/100 on a CODE_DEPLOY service (not a rolling update)",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "desiredCount": 2,
  "deploymentController": { "type": "CODE_DEPLOY" },
  "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 100 }
}`,
    },
    {
      name: "daemon service at 100/100 is skipped",
      file: "service.json",
      code: `{
  "serviceName": "agent",
  "schedulingStrategy": "DAEMON",
  "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 100 }
}`,
    },
    {
      name: "CloudFormation maximum from a parameter",
      file: "stack.yaml",
      code: serviceTemplate(`
      DesiredCount: 2
      DeploymentConfiguration:
        MinimumHealthyPercent: 100
        MaximumPercent: !Ref MaxPercent
`),
    },
    {
      name: "UpdateService input without desiredCount at 100/150 (some counts work)",
      file: "service.json",
      code: `{
  "service": "web",
  "cluster": "prod",
  "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 150 }
}`,
    },
  ],
  invalid: [
    {
      name: "100/100 never moves",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "desiredCount": 3,
  "deploymentConfiguration": {
    "minimumHealthyPercent": 100,
    "maximumPercent": 100
  }
}`,
      errors: [{ messageId: "cannotProgress", line: 6, column: 23, message: "raise maximumPercent to at least 134" }],
    },
    {
      name: "CloudFormation one task at 100/150 rounds to no room (DesiredCount defaults to 1)",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        MinimumHealthyPercent: 100
        MaximumPercent: 150
`),
      errors: [{ messageId: "cannotProgress", line: 7, column: 25, message: "desiredCount 1" }],
    },
    {
      name: "minimumHealthyPercent above 100",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "desiredCount": 2,
  "deploymentConfiguration": { "minimumHealthyPercent": 150 }
}`,
      errors: [{ messageId: "cannotProgress", line: 4, column: 57, message: "from 0 to 100" }],
    },
    {
      name: "100/100 without a desiredCount",
      file: "service.json",
      code: `{
  "service": "web",
  "cluster": "prod",
  "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 100 }
}`,
      errors: [{ messageId: "cannotProgressAnyCount", line: 4, column: 80 }],
    },
  ],
});
