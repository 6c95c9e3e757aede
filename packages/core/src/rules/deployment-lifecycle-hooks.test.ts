import rule from "./deployment-lifecycle-hooks.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { terraformPlanCase } from "./test-support/terraform-plan-case.js";

const lambda = "arn:aws:lambda:us-east-1:123456789012:function:check-green";
const role = "arn:aws:iam::123456789012:role/ecs-lambda-invoke-role";

const service = (lifecycleHooks: unknown[], extra: Record<string, unknown> = {}) =>
  json({ serviceName: "web", ...extra, deploymentConfiguration: { strategy: "CANARY", bakeTimeInMinutes: 5, lifecycleHooks } });

testRule(rule, {
  valid: [
    {
      name: "service JSON: a Lambda hook and a pause hook after test traffic moved",
      file: "service.json",
      code: service([
        { hookTargetArn: lambda, roleArn: role, lifecycleStages: ["POST_SCALE_UP", "TEST_TRAFFIC_SHIFT"], hookDetails: { suite: "smoke" } },
        { targetType: "PAUSE", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 20160, action: "CONTINUE" } },
      ]),
    },
    {
      name: "service JSON: a Lambda alias, explicit AWS_LAMBDA, on a rolling service of the ECS controller (not judged)",
      file: "service.json",
      code: json({
        serviceName: "web",
        deploymentConfiguration: {
          lifecycleHooks: [{ targetType: "AWS_LAMBDA", hookTargetArn: `${lambda}:live`, roleArn: role, lifecycleStages: ["PRE_SCALE_UP"] }],
        },
      }),
    },
    {
      name: "CloudFormation: hook target and role from the template",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: BLUE_GREEN
        LifecycleHooks:
          - HookTargetArn: !GetAtt CheckGreen.Arn
            RoleArn: !GetAtt HookRole.Arn
            LifecycleStages: [POST_TEST_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT]
          - TargetType: PAUSE
            LifecycleStages: [PRE_PRODUCTION_TRAFFIC_SHIFT]
            TimeoutConfiguration:
              TimeoutInMinutes: 60
              Action: ROLLBACK
`),
    },
    {
      name: "Terraform plan: lifecycle_hook blocks",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_configuration: [
          {
            strategy: "LINEAR",
            bake_time_in_minutes: "5",
            lifecycle_hook: [{ hook_target_arn: lambda, role_arn: role, lifecycle_stages: ["PRODUCTION_TRAFFIC_SHIFT"], hook_details: '{"suite":"smoke"}' }],
          },
        ],
      }),
    },
    {
      name: "Terraform plan: no hooks (an empty set)",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", { name: "web", deployment_configuration: [{ strategy: "CANARY", lifecycle_hook: [] }] }),
    },
  ],
  invalid: [
    {
      name: "service JSON: a pause hook at the production traffic shift",
      file: "service.json",
      code: service([{ targetType: "PAUSE", lifecycleStages: ["PRODUCTION_TRAFFIC_SHIFT"] }]),
      errors: [
        {
          messageId: "pauseAtForbiddenStage",
          line: 10,
          column: 11,
          message: "a PAUSE hook is not allowed at PRODUCTION_TRAFFIC_SHIFT, where traffic is shifting: pause at POST_PRODUCTION_TRAFFIC_SHIFT instead",
        },
      ],
    },
    {
      name: "service JSON: a pause hook with a target, at the test traffic shift, with a 15-day timeout",
      file: "service.json",
      code: service([
        { targetType: "PAUSE", hookTargetArn: lambda, lifecycleStages: ["TEST_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 21600, action: "WAIT" } },
      ]),
      errors: [
        { messageId: "targetOnPause", line: 9, column: 26 },
        { messageId: "pauseAtForbiddenStage", line: 11, column: 11, message: "pause at POST_TEST_TRAFFIC_SHIFT" },
        { messageId: "timeoutRange", line: 14, column: 31, message: "timeoutInMinutes 21600 is out of range" },
        { messageId: "unknownTimeoutAction", line: 15, column: 21, message: '"WAIT" is not ROLLBACK or CONTINUE' },
      ],
    },
    {
      name: "service JSON: a Lambda hook without target, role or stages",
      file: "service.json",
      code: service([{ hookDetails: { suite: "smoke" } }]),
      errors: [
        { messageId: "missingStages", line: 7, column: 7 },
        { messageId: "missingTarget", line: 7, column: 7 },
        { messageId: "missingRole", line: 7, column: 7 },
      ],
    },
    {
      name: "service JSON: an SNS topic as target, a user as role, an unknown stage and target type",
      file: "service.json",
      code: service([
        { hookTargetArn: "arn:aws:sns:us-east-1:123456789012:deploys", roleArn: "arn:aws:iam::123456789012:user/ci", lifecycleStages: ["BEFORE_INSTALL"] },
        { targetType: "STEP_FUNCTION", lifecycleStages: ["POST_SCALE_UP"] },
      ]),
      errors: [
        { messageId: "notLambdaArn", line: 8, column: 26, message: "is not a Lambda function ARN" },
        { messageId: "notRoleArn", line: 9, column: 20, message: "is not an IAM role ARN" },
        { messageId: "unknownStage", line: 11, column: 11, message: '"BEFORE_INSTALL" is not one of RECONCILE_SERVICE' },
        { messageId: "unknownTargetType", line: 15, column: 23, message: '"STEP_FUNCTION" is not AWS_LAMBDA or PAUSE' },
      ],
    },
    {
      name: "service JSON: hooks on an EXTERNAL service",
      file: "service.json",
      code: json({
        serviceName: "web",
        deploymentController: { type: "EXTERNAL" },
        deploymentConfiguration: { lifecycleHooks: [{ hookTargetArn: lambda, roleArn: role, lifecycleStages: ["PRE_SCALE_UP"] }] },
      }),
      errors: [{ messageId: "needsEcsController", line: 7, column: 5, message: "not EXTERNAL" }],
    },
    {
      name: "CloudFormation: a pause hook at TEST_TRAFFIC_SHIFT and a Lambda hook without a role",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: BLUE_GREEN
        LifecycleHooks:
          - TargetType: PAUSE
            LifecycleStages:
              - TEST_TRAFFIC_SHIFT
          - HookTargetArn: !GetAtt CheckGreen.Arn
            LifecycleStages: [POST_TEST_TRAFFIC_SHIFT]
`),
      errors: [
        { messageId: "pauseAtForbiddenStage", line: 10, column: 17 },
        { messageId: "missingRole", line: 11, column: 13 },
      ],
    },
    {
      name: "Terraform plan: a hook with an empty stage list and no role",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_configuration: [{ strategy: "BLUE_GREEN", lifecycle_hook: [{ hook_target_arn: lambda, role_arn: "", lifecycle_stages: [] }] }],
      }),
      errors: [
        { messageId: "missingStages", line: 17, column: 19 },
        { messageId: "missingRole", line: 17, column: 19 },
      ],
    },
  ],
});
