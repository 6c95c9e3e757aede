import {
  BAKE_TIME_RANGE,
  CANARY_BAKE_TIME_RANGE,
  CANARY_PERCENT_RANGE,
  DEPLOYMENT_STRATEGIES,
  describeRange,
  inRange,
  isTrafficShiftStrategy,
  LINEAR_STEP_BAKE_TIME_RANGE,
  LINEAR_STEP_PERCENT_RANGE,
  type SettingRange,
} from "../deploy/strategy-settings.js";
import type { Node } from "../document/node.js";
import { Obj } from "../model/obj.js";
import type { Service } from "../model/resources.js";
import { defineRule, type RuleContext } from "./define.js";
import { deploymentStrategy, keyNodeOf, nonEcsController, numberValue, setting } from "./support/deployment-strategy.js";

type MessageId =
  | "unknownStrategy"
  | "outOfRange"
  | "needsEcsController"
  | "canaryWithoutCanary"
  | "linearWithoutLinear"
  | "cloudFormationTimeout";

/** CloudFormation rejects linear and canary deployments whose configured time exceeds 33 hours. */
const CLOUDFORMATION_LIMIT_MINUTES = 33 * 60;

export default defineRule<MessageId>({
  id: "deployment-strategy-settings",
  title: "Blue/green, linear and canary settings are valid",
  severity: "error",
  description:
    "deploymentConfiguration.strategy is ROLLING, BLUE_GREEN, LINEAR or CANARY; the bake time, canary and linear settings are within ECS's documented ranges; BLUE_GREEN, LINEAR and CANARY run under the ECS deployment controller; canaryConfiguration comes only with CANARY and linearConfiguration only with LINEAR.",
  rationale:
    "ECS refuses settings outside these ranges when the service is created or updated, and runs its own blue/green, linear and canary deployments only under the ECS deployment controller (CODE_DEPLOY and EXTERNAL services deploy through CodeDeploy or another tool). A canary or linear configuration given with another strategy is not used, so the deployment does not shift traffic the way the file says.",
  fix: "Keep bakeTimeInMinutes, canaryBakeTimeInMinutes and stepBakeTimeInMinutes whole minutes from 0 to 1440, canaryPercent a multiple of 0.1 from 0.1 to 100 and stepPercent from 3 to 100; set deploymentController type ECS (or leave it out); set strategy CANARY with canaryConfiguration and LINEAR with linearConfiguration.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentController.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/canary-deployment.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-linearconfiguration.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service",
  ],
  messages: {
    unknownStrategy: 'deployment strategy "{{value}}" is not one of ROLLING, BLUE_GREEN, LINEAR, CANARY',
    outOfRange: "{{setting}} {{value}} is out of range: use {{range}}",
    needsEcsController:
      "the {{strategy}} strategy runs only under the ECS deployment controller, not {{controller}}: set deploymentController type ECS (or leave it out), or use CodeDeploy's own blue/green settings",
    canaryWithoutCanary:
      "canaryConfiguration applies only to the CANARY strategy (the strategy here is {{strategy}}): set strategy CANARY or remove it",
    linearWithoutLinear:
      "linearConfiguration applies only to the LINEAR strategy (the strategy here is {{strategy}}): set strategy LINEAR or remove it",
    cloudFormationTimeout:
      "this {{strategy}} deployment is configured to take {{minutes}} minutes, and CloudFormation rejects linear and canary deployments over 33 hours (1980 minutes): shorten the bake times{{advice}}",
  },
  check: {
    service(service, context) {
      const { deployment } = service;
      if (deployment.configuration?.kind !== "map") return;
      const strategy = deploymentStrategy(service);
      const strategyName = strategy.state === "literal" ? strategy.value : strategy.state === "absent" ? "ROLLING" : undefined;
      if (strategy.state === "literal" && !(DEPLOYMENT_STRATEGIES as readonly string[]).includes(strategy.value)) {
        context.report(strategy.node, "unknownStrategy", { value: strategy.value });
        return;
      }

      checkRange(context, deployment.bakeTimeInMinutes, "bakeTimeInMinutes", BAKE_TIME_RANGE);
      const canary = settingsOf(deployment.canaryConfiguration);
      const linear = settingsOf(deployment.linearConfiguration);
      if (canary) {
        checkRange(context, canary.get("canaryPercent"), "canaryPercent", CANARY_PERCENT_RANGE);
        checkRange(context, canary.get("canaryBakeTimeInMinutes"), "canaryBakeTimeInMinutes", CANARY_BAKE_TIME_RANGE);
      }
      if (linear) {
        checkRange(context, linear.get("stepPercent"), "stepPercent", LINEAR_STEP_PERCENT_RANGE);
        checkRange(context, linear.get("stepBakeTimeInMinutes"), "stepBakeTimeInMinutes", LINEAR_STEP_BAKE_TIME_RANGE);
      }
      if (strategyName === undefined) return; // not a literal: which settings apply is unknown

      const controller = nonEcsController(service);
      if (controller && isTrafficShiftStrategy(strategyName))
        context.report(controller.node, "needsEcsController", { strategy: strategyName, controller: controller.value });
      if (deployment.canaryConfiguration && strategyName !== "CANARY")
        context.report(keyNodeOf(deployment.canaryConfiguration), "canaryWithoutCanary", { strategy: strategyName });
      if (deployment.linearConfiguration && strategyName !== "LINEAR")
        context.report(keyNodeOf(deployment.linearConfiguration), "linearWithoutLinear", { strategy: strategyName });

      if (service.format === "cloudformation") checkCloudFormationDuration(service, strategyName, canary, linear, context);
    },
  },
});

function settingsOf(node: Node | undefined): Obj | undefined {
  return node?.kind === "map" ? new Obj(node) : undefined;
}

function checkRange(context: RuleContext<MessageId>, node: Node | undefined, name: string, range: SettingRange): void {
  const present = setting(node);
  if (!present) return;
  // The name as the file writes it: bakeTimeInMinutes, BakeTimeInMinutes or bake_time_in_minutes.
  const written = typeof present.key === "string" ? present.key : name;
  const value = numberValue(present);
  if (value === undefined) {
    // A string that is not a number is refused by ECS too; an intrinsic is unknown.
    if (present.kind === "scalar")
      context.report(present, "outOfRange", { setting: written, value: JSON.stringify(present.value), range: describeRange(range) });
    return;
  }
  if (!inRange(value, range)) context.report(present, "outOfRange", { setting: written, value, range: describeRange(range) });
}

/**
 * AWS::ECS::Service LinearConfiguration and CanaryConfiguration: CloudFormation rejects the update
 * when BakeTimeInMinutes + StepBakeTimeInMinutes x steps (linear; steps = 100 / StepPercent - 1
 * when it divides evenly, else floor(100 / StepPercent)) or BakeTimeInMinutes +
 * CanaryBakeTimeInMinutes (canary) exceeds 33 hours. Absent settings take the API defaults, an
 * absent bake time counts as 0; a non-literal value leaves the total unknown.
 */
function checkCloudFormationDuration(
  service: Service,
  strategy: string,
  canary: Obj | undefined,
  linear: Obj | undefined,
  context: RuleContext<MessageId>,
): void {
  if (strategy !== "LINEAR" && strategy !== "CANARY") return;
  const valueOr = (node: Node | undefined, fallback: number, range: SettingRange): number | undefined => {
    const present = setting(node);
    if (!present) return fallback;
    const value = numberValue(present);
    return value !== undefined && inRange(value, range) ? value : undefined;
  };
  const bake = valueOr(service.deployment.bakeTimeInMinutes, 0, BAKE_TIME_RANGE);
  let waits: number | undefined;
  let at: Node | undefined;
  if (strategy === "CANARY") {
    waits = valueOr(canary?.get("canaryBakeTimeInMinutes"), CANARY_BAKE_TIME_RANGE.default!, CANARY_BAKE_TIME_RANGE);
    at = setting(canary?.get("canaryBakeTimeInMinutes"));
  } else {
    const step = valueOr(linear?.get("stepPercent"), LINEAR_STEP_PERCENT_RANGE.default!, LINEAR_STEP_PERCENT_RANGE);
    const interval = valueOr(linear?.get("stepBakeTimeInMinutes"), LINEAR_STEP_BAKE_TIME_RANGE.default!, LINEAR_STEP_BAKE_TIME_RANGE);
    if (step !== undefined && interval !== undefined) {
      const tenths = Math.round(step * 10);
      const steps = 1000 % tenths === 0 ? 1000 / tenths - 1 : Math.floor(1000 / tenths);
      waits = steps * interval;
    }
    at = setting(linear?.get("stepBakeTimeInMinutes"));
  }
  if (bake === undefined || waits === undefined || bake + waits <= CLOUDFORMATION_LIMIT_MINUTES) return;
  const node = at ?? setting(service.deployment.bakeTimeInMinutes) ?? service.deployment.configuration!;
  const advice = strategy === "LINEAR" ? " or raise StepPercent for fewer steps" : "";
  context.report(node, "cloudFormationTimeout", { strategy, minutes: bake + waits, advice });
}
