import rule from "./deployment-circuit-breaker.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "circuit breaker with rollback",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "deploymentConfiguration": {
    "deploymentCircuitBreaker": { "enable": true, "rollback": true }
  }
}`,
    },
    {
      name: "blue/green (CODE_DEPLOY) services have no circuit breaker",
      file: "service.json",
      code: `{ "serviceName": "web", "deploymentController": { "type": "CODE_DEPLOY" } }`,
    },
    {
      name: "CloudFormation rollback from a condition",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        DeploymentCircuitBreaker:
          Enable: true
          Rollback: !If [IsProd, true, false]
`),
    },
  ],
  invalid: [
    {
      name: "no circuit breaker",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": 100 }
}`,
      errors: [{ messageId: "missing", line: 3, column: 30 }],
    },
    {
      name: "no deploymentConfiguration at all",
      file: "service.json",
      code: `{ "serviceName": "web" }`,
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      name: "CloudFormation breaker enabled without rollback",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        DeploymentCircuitBreaker:
          Enable: true
          Rollback: false
`),
      errors: [{ messageId: "noRollback", line: 8, column: 21, message: "rollback is false" }],
    },
    {
      name: "breaker disabled",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "deploymentConfiguration": {
    "deploymentCircuitBreaker": { "enable": false, "rollback": true }
  }
}`,
      errors: [{ messageId: "notEnabled", line: 4, column: 45 }],
    },
  ],
});
