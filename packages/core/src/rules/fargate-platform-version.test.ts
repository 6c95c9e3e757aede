import rule from "./fargate-platform-version.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "LATEST",
      file: "service.json",
      code: `{ "serviceName": "web", "launchType": "FARGATE", "platformVersion": "LATEST" }`,
    },
    {
      name: "1.4.0 on a FARGATE_SPOT capacity provider",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }],
  "platformVersion": "1.4.0"
}`,
    },
    {
      name: "not set (LATEST by default)",
      file: "service.json",
      code: `{ "serviceName": "web", "launchType": "FARGATE" }`,
    },
    {
      name: "EC2 services have no platform version to check",
      file: "service.json",
      code: `{ "serviceName": "web", "launchType": "EC2", "platformVersion": "1.3.0" }`,
    },
    {
      name: "CloudFormation version from a parameter",
      file: "stack.yaml",
      code: serviceTemplate(`
      LaunchType: FARGATE
      PlatformVersion: !Ref PlatformVersion
`),
    },
  ],
  invalid: [
    {
      name: "1.3.0",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "launchType": "FARGATE",
  "platformVersion": "1.3.0"
}`,
      errors: [{ messageId: "outdated", line: 4, column: 22, message: '"1.3.0"' }],
    },
    {
      name: "CloudFormation 1.2.0",
      file: "stack.yaml",
      code: serviceTemplate(`
      LaunchType: FARGATE
      PlatformVersion: 1.2.0
`),
      errors: [{ messageId: "outdated", line: 6, column: 24 }],
    },
    {
      name: "not a version",
      file: "service.json",
      code: `{ "serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.4" }`,
      errors: [{ messageId: "notAVersion", line: 1, column: 69 }],
    },
  ],
});
