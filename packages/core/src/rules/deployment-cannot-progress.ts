import { DEFAULT_MAXIMUM_PERCENT, DEFAULT_MINIMUM_HEALTHY_PERCENT, planRollingDeployment } from "../deploy/index.js";
import type { Node } from "../document/node.js";
import { scalarNumber } from "../model/obj.js";
import type { Service } from "../model/resources.js";
import { defineRule } from "./define.js";
import { serviceIsDaemon, serviceRollingState, settingsBlock } from "./support/service-settings.js";

/**
 * desiredCount as the rolling update will see it: the literal, CloudFormation's documented
 * default of 1 for a new service when absent, or undefined when unknown (an intrinsic, or an
 * UpdateService input that leaves the count as it is).
 */
function desiredCountOf(service: Service): number | undefined {
  const node = service.props.get("desiredCount");
  if (!node || (node.kind === "scalar" && node.value === null))
    return service.format === "cloudformation" ? 1 : undefined;
  const count = scalarNumber(node);
  return count !== undefined && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}

interface PercentSetting {
  node: Node | undefined;
  /** The literal value, the ECS default when absent, undefined when not a literal. */
  value: number | undefined;
}

function percentSetting(node: Node | undefined, fallback: number): PercentSetting {
  if (!node || (node.kind === "scalar" && node.value === null)) return { node: undefined, value: fallback };
  return { node, value: scalarNumber(node) };
}

/** A count large enough that every whole percent of room shows: bounds equal the percents. */
const ANY_COUNT = 100;

export default defineRule({
  id: "deployment-cannot-progress",
  title: "Rolling deployments can make progress",
  severity: "error",
  description:
    "For a service deployed with the ECS rolling update, minimumHealthyPercent and maximumPercent (ECS defaults 100 and 200) with the desiredCount must leave room to start or stop at least one task.",
  rationale:
    "ECS keeps at least ceil(desiredCount x minimumHealthyPercent / 100) healthy tasks and at most floor(desiredCount x maximumPercent / 100) running; when both bounds equal desiredCount (for example 100/100, or 100/150 with one task) the scheduler can neither start a new task nor stop an old one, and the deployment never completes.",
  fix: "Raise maximumPercent above 100 so new tasks can start first (for example 200), or lower minimumHealthyPercent so old tasks can stop first (for example 50); with few tasks, check that the rounded bounds still leave one task of room.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
  ],
  messages: {
    cannotProgress: "a rolling deployment of this service cannot progress: {{reason}}",
    cannotProgressAnyCount:
      "minimumHealthyPercent {{min}} with maximumPercent {{max}} never lets a rolling deployment start or stop a task, whatever the desiredCount: raise maximumPercent (for example to 200) or lower minimumHealthyPercent (for example to 50)",
  },
  check: {
    service(service, { report }) {
      if (serviceIsDaemon(service) || serviceRollingState(service) !== "rolling") return;
      const configuration = settingsBlock(service.props, "deploymentConfiguration");
      if (configuration.state === "unknown") return;
      const settings = configuration.state === "present" ? configuration.obj : undefined;
      // Terraform writes the percents as top-level attributes of aws_ecs_service.
      const min = percentSetting(
        settings?.get("minimumHealthyPercent") ?? service.props.get("deploymentMinimumHealthyPercent"),
        DEFAULT_MINIMUM_HEALTHY_PERCENT,
      );
      const max = percentSetting(
        settings?.get("maximumPercent") ?? service.props.get("deploymentMaximumPercent"),
        DEFAULT_MAXIMUM_PERCENT,
      );
      if (!min.node && !max.node) return; // the defaults always leave room
      if (min.value === undefined || max.value === undefined) return; // an intrinsic: unknown

      const minimumInvalid = !Number.isSafeInteger(min.value) || min.value < 0 || min.value > 100;
      const at = minimumInvalid ? min.node : (max.node ?? min.node);
      if (!at) return;

      const desiredCount = desiredCountOf(service);
      const plan = planRollingDeployment({
        desiredCount: desiredCount ?? ANY_COUNT,
        minimumHealthyPercent: min.value,
        maximumPercent: max.value,
      });
      if (plan.canProgress) return;
      if (desiredCount === undefined && min.value === 100 && max.value === 100) {
        report(at, "cannotProgressAnyCount", { min: min.value, max: max.value });
        return;
      }
      report(at, "cannotProgress", { reason: plan.reason ?? "the bounds leave no room" });
    },
  },
});
