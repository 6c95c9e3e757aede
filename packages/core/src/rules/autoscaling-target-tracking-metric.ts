import { entry } from "../document/node.js";
import { asObj } from "../model/obj.js";
import { refTarget, type ScalingPolicy } from "../model/resources.js";
import { defineRule } from "./define.js";
import { settingsBlock } from "./support/service-settings.js";

const ECS_METRICS = [
  "ECSServiceAverageCPUUtilization",
  "ECSServiceAverageMemoryUtilization",
  "ALBRequestCountPerTarget",
];

/**
 * Whether the policy scales an ECS service: its ServiceNamespace, else its ScalableDimension
 * (ecs:service:DesiredCount), else the ServiceNamespace of the scalable target its ScalingTargetId
 * references in the same template. Undefined when it cannot be told.
 */
function scalesEcs(policy: ScalingPolicy): boolean | undefined {
  const namespace = policy.props.str("serviceNamespace");
  if (namespace !== undefined) return namespace.toLowerCase() === "ecs";
  const dimension = policy.props.str("scalableDimension");
  if (dimension !== undefined) return dimension.toLowerCase().startsWith("ecs:");
  const targetId = policy.props.get("scalingTargetId");
  const logicalId = targetId ? refTarget(targetId) : undefined;
  const resources = policy.props.node.parent?.parent;
  if (logicalId === undefined || resources?.kind !== "map") return undefined;
  const target = entry(resources, logicalId);
  const properties = target?.kind === "map" ? asObj(entry(target, "Properties")) : undefined;
  const targetNamespace = properties?.str("ServiceNamespace");
  return targetNamespace === undefined ? undefined : targetNamespace.toLowerCase() === "ecs";
}

export default defineRule({
  id: "autoscaling-target-tracking-metric",
  title: "Target tracking policies use a valid metric and target",
  severity: "error",
  description:
    "An Application Auto Scaling target tracking policy sets a predefined or a customized metric and a TargetValue above 0; for an ECS service the predefined metric is ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization or ALBRequestCountPerTarget, the last with a ResourceLabel.",
  rationale:
    "PutScalingPolicy rejects a target tracking configuration without a metric, with a metric type of another service, or ALBRequestCountPerTarget without the target group's ResourceLabel, so the stack or apply fails; a target of 0 or less can never be tracked.",
  fix: "Use PredefinedMetricSpecification.PredefinedMetricType ECSServiceAverageCPUUtilization or ECSServiceAverageMemoryUtilization (or ALBRequestCountPerTarget with ResourceLabel app/<alb-name>/<alb-id>/targetgroup/<tg-name>/<tg-id>), or a CustomizedMetricSpecification, and a positive TargetValue such as 60.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html",
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html",
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html",
  ],
  messages: {
    missingMetric:
      "the target tracking configuration has neither a PredefinedMetricSpecification nor a CustomizedMetricSpecification: add one",
    notEcsMetric:
      'PredefinedMetricType "{{value}}" is not an ECS service metric: use ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization or ALBRequestCountPerTarget',
    missingResourceLabel:
      "ALBRequestCountPerTarget needs a ResourceLabel naming the target group (app/<alb-name>/<alb-id>/targetgroup/<tg-name>/<tg-id>)",
    missingTargetValue:
      "the target tracking configuration has no TargetValue: set the metric value to hold, such as 60",
    targetValueNotPositive: "TargetValue is {{value}}: the target must be above 0",
  },
  check: {
    scalingPolicy(policy, { report }) {
      const configuration = settingsBlock(policy.props, "targetTrackingScalingPolicyConfiguration");
      if (configuration.state !== "present") return;
      const settings = configuration.obj;

      const predefined = settingsBlock(settings, "predefinedMetricSpecification");
      const customized = settingsBlock(settings, "customizedMetricSpecification");
      if (predefined.state === "absent" && customized.state === "absent") report(configuration.node, "missingMetric");
      if (predefined.state === "present") {
        const type = predefined.obj.str("predefinedMetricType");
        if (type !== undefined && scalesEcs(policy) === true && !ECS_METRICS.includes(type)) {
          report(predefined.obj.get("predefinedMetricType")!, "notEcsMetric", { value: type });
        }
        if (type === "ALBRequestCountPerTarget" && !predefined.obj.has("resourceLabel")) {
          report(predefined.node, "missingResourceLabel");
        }
      }

      const targetNode = settings.get("targetValue");
      if (!settings.has("targetValue")) report(configuration.node, "missingTargetValue");
      else {
        const value = settings.num("targetValue");
        if (value !== undefined && value <= 0) report(targetNode!, "targetValueNotPositive", { value });
      }
    },
  },
});
