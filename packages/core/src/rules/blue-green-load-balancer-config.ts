import type { Node } from "../document/node.js";
import { Obj, scalarString } from "../model/obj.js";
import { isTrafficShiftStrategy } from "../deploy/strategy-settings.js";
import { defineRule } from "./define.js";
import { block, deploymentStrategy, keyNodeOf, listItems, nonEcsController, setting } from "./support/deployment-strategy.js";

/** The ARN shapes AdvancedConfiguration's fields take (Elastic Load Balancing and IAM ARN formats). */
const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[^:]*:\d{12}:targetgroup\/.+/;
const LISTENER_OR_RULE_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[^:]*:\d{12}:(listener|listener-rule)\/.+/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+/;

export default defineRule({
  id: "blue-green-load-balancer-config",
  title: "Blue/green, linear and canary load balancers have an alternate target group, a production listener rule and a role",
  severity: "error",
  description:
    "For a service with deploymentConfiguration.strategy BLUE_GREEN, LINEAR or CANARY behind an Application or Network Load Balancer, each loadBalancers entry has an advancedConfiguration with alternateTargetGroupArn (another target group than the entry's own), productionListenerRule and roleArn, each an ARN of the right kind; testListenerRule is optional.",
  rationale:
    "ECS shifts traffic between the target group the blue revision serves and the alternate target group the green revision registers in, by changing the weights of the production listener rule (ALB) or listener (NLB), with the role that lets it call Elastic Load Balancing. Without them ECS has nothing to shift and the deployment fails.",
  fix: "Add advancedConfiguration to each load balancer entry: alternateTargetGroupArn (a second target group on the same load balancer), productionListenerRule (the ALB listener rule or NLB listener that carries production traffic), roleArn (an IAM role ECS assumes to change it, with the AmazonECSInfrastructureRolePolicyForLoadBalancers policy) and, to test green before production moves, testListenerRule.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/nlb-resources-for-blue-green.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AmazonECSInfrastructureRolePolicyForLoadBalancers.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AdvancedConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-advancedconfiguration.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service",
  ],
  messages: {
    missingAdvancedConfiguration:
      "this load balancer has no advancedConfiguration, which the {{strategy}} strategy needs to shift traffic: add alternateTargetGroupArn, productionListenerRule and roleArn",
    missingSetting: "advancedConfiguration has no {{setting}}, which the {{strategy}} strategy needs: add {{what}}",
    sameTargetGroup:
      "alternateTargetGroupArn is the load balancer's own targetGroupArn: the green revision needs a second target group",
    notAnArn: "{{setting}} {{value}} is not {{what}}",
  },
  check: {
    service(service, { report }) {
      const strategy = deploymentStrategy(service);
      if (strategy.state !== "literal" || !isTrafficShiftStrategy(strategy.value)) return;
      if (nonEcsController(service)) return; // deployment-strategy-settings reports the controller
      for (const item of listItems(service.deployment.loadBalancers)) {
        if (item.kind !== "map") continue;
        const entry = new Obj(item);
        const targetGroup = setting(entry.get("targetGroupArn"));
        if (!targetGroup) continue; // a Classic Load Balancer (no-classic-load-balancer), or an incomplete entry
        const advanced = block(entry.get("advancedConfiguration"));
        if (!advanced) {
          report(item, "missingAdvancedConfiguration", { strategy: strategy.value });
          continue;
        }
        if (advanced.kind !== "map") continue; // an intrinsic: unknown
        const settings = new Obj(advanced);
        const required: [string, string, RegExp, string][] = [
          ["alternateTargetGroupArn", "the ARN of a second target group for the green revision", TARGET_GROUP_ARN, "a target group ARN"],
          ["productionListenerRule", "the ARN of the listener rule (ALB) or listener (NLB) that carries production traffic", LISTENER_OR_RULE_ARN, "a listener rule or listener ARN"],
          ["roleArn", "the ARN of an IAM role that lets ECS call Elastic Load Balancing", ROLE_ARN, "an IAM role ARN"],
        ];
        for (const [name, what, shape, kind] of required) {
          const value = setting(settings.get(name));
          if (!value) report(keyNodeOf(advanced), "missingSetting", { setting: name, strategy: strategy.value, what });
          else checkArn(value, name, shape, kind, report);
        }
        const test = setting(settings.get("testListenerRule"));
        if (test) checkArn(test, "testListenerRule", LISTENER_OR_RULE_ARN, "a listener rule or listener ARN", report);
        const alternate = scalarString(setting(settings.get("alternateTargetGroupArn")));
        if (alternate !== undefined && alternate === scalarString(targetGroup))
          report(settings.get("alternateTargetGroupArn")!, "sameTargetGroup");
      }
    },
  },
});

function checkArn(
  node: Node,
  name: string,
  shape: RegExp,
  what: string,
  report: (node: Node, messageId: "notAnArn", data: Record<string, string>) => void,
): void {
  const value = node.kind === "scalar" && typeof node.value === "string" ? node.value : undefined;
  if (value !== undefined && !shape.test(value)) report(node, "notAnArn", { setting: name, value: JSON.stringify(value), what });
}
