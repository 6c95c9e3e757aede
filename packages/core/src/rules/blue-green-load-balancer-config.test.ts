import rule from "./blue-green-load-balancer-config.js";
import { serviceTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { terraformPlanCase } from "./test-support/terraform-plan-case.js";

const blue = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef";
const green = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210";
const productionRule = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
const testRule_ = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/a1b2c3d4e5f60718/0a1b2c3d4e5f6071";
const nlbListener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
const role = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers";

const service = (strategy: string, loadBalancers: unknown[], extra: Record<string, unknown> = {}) =>
  json({ serviceName: "web", ...extra, deploymentConfiguration: { strategy, bakeTimeInMinutes: 5 }, loadBalancers });

testRule(rule, {
  valid: [
    {
      name: "service JSON: blue/green behind an ALB with everything",
      file: "service.json",
      code: service("BLUE_GREEN", [
        {
          targetGroupArn: blue,
          containerName: "web",
          containerPort: 80,
          advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: productionRule, testListenerRule: testRule_, roleArn: role },
        },
      ]),
    },
    {
      name: "service JSON: canary behind an NLB (a listener, no test listener)",
      file: "service.json",
      code: service("CANARY", [
        { targetGroupArn: blue, containerName: "web", containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: nlbListener, roleArn: role } },
      ]),
    },
    {
      name: "service JSON: a rolling service needs no alternate target group",
      file: "service.json",
      code: service("ROLLING", [{ targetGroupArn: blue, containerName: "web", containerPort: 80 }]),
    },
    {
      name: "service JSON: linear without a load balancer (Service Connect)",
      file: "service.json",
      code: json({ serviceName: "web", deploymentConfiguration: { strategy: "LINEAR" }, serviceConnectConfiguration: { enabled: true } }),
    },
    {
      name: "service JSON: under CodeDeploy, deployment-strategy-settings reports the controller instead",
      file: "service.json",
      code: service("BLUE_GREEN", [{ targetGroupArn: blue, containerName: "web", containerPort: 80 }], { deploymentController: { type: "CODE_DEPLOY" } }),
    },
    {
      name: "CloudFormation: references to the template's target groups, rule and role",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: LINEAR
      LoadBalancers:
        - TargetGroupArn: !Ref BlueTargetGroup
          ContainerName: web
          ContainerPort: 80
          AdvancedConfiguration:
            AlternateTargetGroupArn: !Ref GreenTargetGroup
            ProductionListenerRule: !Ref ProductionRule
            RoleArn: !GetAtt InfrastructureRole.Arn
`),
    },
    {
      name: "Terraform plan: canary with an unset test listener rule",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_configuration: [{ strategy: "CANARY", bake_time_in_minutes: "5" }],
        load_balancer: [
          {
            target_group_arn: blue,
            elb_name: "",
            container_name: "web",
            container_port: 80,
            advanced_configuration: [{ alternate_target_group_arn: green, production_listener_rule: productionRule, test_listener_rule: "", role_arn: role }],
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: "service JSON: blue/green without advancedConfiguration",
      file: "service.json",
      code: service("BLUE_GREEN", [{ targetGroupArn: blue, containerName: "web", containerPort: 80 }]),
      errors: [{ messageId: "missingAdvancedConfiguration", line: 8, column: 5, message: "which the BLUE_GREEN strategy needs" }],
    },
    {
      name: "service JSON: linear without a production listener rule and a role",
      file: "service.json",
      code: service("LINEAR", [{ targetGroupArn: blue, containerName: "web", containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: green } }]),
      errors: [
        { messageId: "missingSetting", line: 12, column: 7, message: "advancedConfiguration has no productionListenerRule" },
        { messageId: "missingSetting", line: 12, column: 7, message: "advancedConfiguration has no roleArn" },
      ],
    },
    {
      name: "service JSON: the alternate target group is the service's own, and the role is a policy",
      file: "service.json",
      code: service("CANARY", [
        {
          targetGroupArn: blue,
          containerName: "web",
          containerPort: 80,
          advancedConfiguration: { alternateTargetGroupArn: blue, productionListenerRule: productionRule, roleArn: "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers" },
        },
      ]),
      errors: [
        { messageId: "sameTargetGroup", line: 13, column: 36 },
        { messageId: "notAnArn", line: 15, column: 20, message: "is not an IAM role ARN" },
      ],
    },
    {
      name: "CloudFormation: canary with only an alternate target group",
      file: "stack.yaml",
      code: serviceTemplate(`
      DeploymentConfiguration:
        Strategy: CANARY
      LoadBalancers:
        - TargetGroupArn: !Ref BlueTargetGroup
          ContainerName: web
          ContainerPort: 80
          AdvancedConfiguration:
            AlternateTargetGroupArn: !Ref GreenTargetGroup
`),
      errors: [
        { messageId: "missingSetting", line: 11, column: 11, message: "no productionListenerRule" },
        { messageId: "missingSetting", line: 11, column: 11, message: "no roleArn" },
      ],
    },
    {
      name: "Terraform plan: one load balancer without advanced_configuration, one without role_arn",
      file: "plan.json",
      code: terraformPlanCase("aws_ecs_service", {
        name: "web",
        deployment_configuration: [{ strategy: "BLUE_GREEN", bake_time_in_minutes: "5" }],
        load_balancer: [
          { target_group_arn: blue, elb_name: "", container_name: "web", container_port: 80, advanced_configuration: [] },
          {
            target_group_arn: green,
            elb_name: "",
            container_name: "web",
            container_port: 8080,
            advanced_configuration: [{ alternate_target_group_arn: blue, production_listener_rule: productionRule, test_listener_rule: null, role_arn: "" }],
          },
        ],
      }),
      errors: [
        { messageId: "missingAdvancedConfiguration", line: 20, column: 15 },
        { messageId: "missingSetting", line: 32, column: 17, message: "advancedConfiguration has no roleArn" },
      ],
    },
  ],
});
