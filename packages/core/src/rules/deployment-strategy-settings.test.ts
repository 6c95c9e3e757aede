import rule from "./deployment-strategy-settings.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { terraformPlanCase } from "./test-support/terraform-plan-case.js";

testRule(rule, {
  valid: [
    {
      name: "service JSON: canary 10% for 5 minutes, bake 15, ECS controller",
      file: "service.json",
      code: json({
        serviceName: "web",
        deploymentController: { type: "ECS" },
        deploymentConfiguration: { strategy: "CANARY", bakeTimeInMinutes: 15, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } },
      }),
    },
    {
      name: "service JSON: linear at the ends of the ranges, no controller (ECS by default)",
      file: "service.json",
      code: json({
        serviceName: "web",
        deploymentConfiguration: { strategy: "LINEAR", bakeTimeInMinutes: 0, linearConfiguration: { stepPercent: 3.1, stepBakeTimeInMinutes: 1440 } },
      }),
    },
    {
      name: "service JSON: a rolling service with nothing of the sort",
      file: "service.json",
      code: json({ serviceName: "web", deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } }),
    },
    {
      name: "describe-services output: blue/green with its bake time",
      file: "services.json",
      code: json({ services: [{ serviceName: "web", deploymentController: { type: "ECS" }, deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 1440 } }] }),
    },
    {
      name: "CloudFormation: values from parameters are unknown",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: !Ref Strategy
        BakeTimeInMinutes: !Ref BakeTime
        CanaryConfiguration:
          CanaryPercent: !Ref CanaryPercent
`),
    },
    {
      name: "CloudFormation: linear 10% every 6 minutes with an hour's bake stays under 33 hours",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: LINEAR
        BakeTimeInMinutes: 60
        LinearConfiguration:
          StepPercent: 10
          StepBakeTimeInMinutes: 6
`),
    },
    {
      name: "Terraform plan: canary, numbers as the provider writes them (bake times as strings), empty blocks",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_controller: [{ type: "ECS" }],
        deployment_configuration: [
          {
            strategy: "CANARY",
            bake_time_in_minutes: "15",
            canary_configuration: [{ canary_percent: 10, canary_bake_time_in_minutes: "5" }],
            linear_configuration: [],
            lifecycle_hook: [],
          },
        ],
      }),
    },
    {
      name: "Terraform plan: rolling with the unset values a plan shows",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_configuration: [{ strategy: "ROLLING", bake_time_in_minutes: "", canary_configuration: [], linear_configuration: [] }],
      }),
    },
  ],
  invalid: [
    {
      name: "service JSON: bake time over 24 hours",
      file: "service.json",
      code: json({ serviceName: "web", deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 1441 } }),
      errors: [{ messageId: "outOfRange", line: 5, column: 26, message: "bakeTimeInMinutes 1441 is out of range: use a whole number from 0 to 1440" }],
    },
    {
      name: "service JSON: canary percent below 0.1 and canary interval over 1440",
      file: "service.json",
      code: json({
        serviceName: "web",
        deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 0.05, canaryBakeTimeInMinutes: 1500 } },
      }),
      errors: [
        { messageId: "outOfRange", line: 6, column: 24, message: "canaryPercent 0.05 is out of range: use a multiple of 0.1 from 0.1 to 100.0" },
        { messageId: "outOfRange", line: 7, column: 34, message: "canaryBakeTimeInMinutes 1500" },
      ],
    },
    {
      name: "service JSON: a linear step below 3% and a step that is not a multiple of 0.1",
      file: "service.json",
      code: json({
        serviceName: "web",
        deploymentConfiguration: { strategy: "LINEAR", linearConfiguration: { stepPercent: 2.5, stepBakeTimeInMinutes: 1.5 } },
      }),
      errors: [
        { messageId: "outOfRange", line: 6, column: 22, message: "stepPercent 2.5 is out of range: use a multiple of 0.1 from 3.0 to 100.0" },
        { messageId: "outOfRange", line: 7, column: 32, message: "stepBakeTimeInMinutes 1.5" },
      ],
    },
    {
      name: "service JSON: canary under the CodeDeploy controller",
      file: "service.json",
      code: json({ serviceName: "web", deploymentController: { type: "CODE_DEPLOY" }, deploymentConfiguration: { strategy: "CANARY" } }),
      errors: [{ messageId: "needsEcsController", line: 4, column: 13, message: "the CANARY strategy runs only under the ECS deployment controller, not CODE_DEPLOY" }],
    },
    {
      name: "service JSON: canary settings on a linear deployment",
      file: "service.json",
      code: json({
        serviceName: "web",
        deploymentConfiguration: { strategy: "LINEAR", canaryConfiguration: { canaryPercent: 10 } },
      }),
      errors: [{ messageId: "canaryWithoutCanary", line: 5, column: 5, message: "the strategy here is LINEAR" }],
    },
    {
      name: "service JSON: linear settings without a strategy (ROLLING)",
      file: "service.json",
      code: json({ serviceName: "web", deploymentConfiguration: { linearConfiguration: { stepPercent: 10 } } }),
      errors: [{ messageId: "linearWithoutLinear", line: 4, column: 5, message: "the strategy here is ROLLING" }],
    },
    {
      name: "service JSON: an unknown strategy",
      file: "service.json",
      code: json({ serviceName: "web", deploymentConfiguration: { strategy: "BLUEGREEN" } }),
      errors: [{ messageId: "unknownStrategy", line: 4, column: 17, message: '"BLUEGREEN" is not one of ROLLING, BLUE_GREEN, LINEAR, CANARY' }],
    },
    {
      name: "CloudFormation: blue/green under an EXTERNAL controller, with a two-day bake",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentController:
        Type: EXTERNAL
      DeploymentConfiguration:
        Strategy: BLUE_GREEN
        BakeTimeInMinutes: 2880
`),
      errors: [
        { messageId: "needsEcsController", line: 6, column: 15, message: "not EXTERNAL" },
        { messageId: "outOfRange", line: 9, column: 28, message: "BakeTimeInMinutes 2880 is out of range" },
      ],
    },
    {
      name: "CloudFormation: linear 3% every hour with an hour's bake is over 33 hours",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: LINEAR
        BakeTimeInMinutes: 60
        LinearConfiguration:
          StepPercent: 3
          StepBakeTimeInMinutes: 60
`),
      errors: [{ messageId: "cloudFormationTimeout", line: 10, column: 34, message: "configured to take 2040 minutes" }],
    },
    {
      name: "CloudFormation: a canary with two 24-hour waits is over 33 hours",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: CANARY
        BakeTimeInMinutes: 1440
        CanaryConfiguration:
          CanaryBakeTimeInMinutes: 1440
`),
      errors: [{ messageId: "cloudFormationTimeout", line: 9, column: 36, message: "configured to take 2880 minutes" }],
    },
    {
      name: "Terraform plan: a 1% linear step, canary settings beside it, under CodeDeploy",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_controller: [{ type: "CODE_DEPLOY" }],
        deployment_configuration: [
          {
            strategy: "LINEAR",
            bake_time_in_minutes: "1441",
            linear_configuration: [{ step_percent: 1, step_bake_time_in_minutes: "5" }],
            canary_configuration: [{ canary_percent: 5, canary_bake_time_in_minutes: "10" }],
          },
        ],
      }),
      errors: [
        { messageId: "needsEcsController", line: 15, column: 25, message: "not CODE_DEPLOY" },
        { messageId: "outOfRange", line: 21, column: 41, message: "bake_time_in_minutes 1441 is out of range" },
        { messageId: "outOfRange", line: 24, column: 37, message: "step_percent 1 is out of range" },
        { messageId: "canaryWithoutCanary", line: 28, column: 17 },
      ],
    },
  ],
});
