import type { Node } from "../document/node.js";
import type { Obj } from "../model/obj.js";
import type { Service } from "../model/resources.js";
import { defineRule } from "./define.js";
import { fargateReason, serviceFargateEvidence } from "./support/service-settings.js";

/** ECS JSON: placementStrategy; CloudFormation: PlacementStrategies; Terraform: ordered_placement_strategy. */
const KEYS = ["placementStrategy", "placementStrategies", "orderedPlacementStrategy"];

/** "You can specify a maximum of five strategy rules per service" (CreateService, placementStrategy). */
const MAX_STRATEGIES = 5;

function strategies(service: Service): { node: Node; items: Obj[] } | undefined {
  for (const key of KEYS) {
    const node = service.props.get(key);
    if (node && !(node.kind === "scalar" && node.value === null)) return { node, items: service.props.objs(key) };
  }
  return undefined;
}

export default defineRule({
  id: "placement-strategy-valid",
  title: "Placement strategies are valid",
  severity: "error",
  description:
    "Each of a service's placement strategies is binpack on cpu or memory, spread on instanceId, host or an attribute:name, or random without a field; there are at most five, and none on a Fargate service.",
  rationale:
    "ECS rejects a strategy with an unknown type or a field that does not fit it when the service is created or updated, and Fargate services do not support task placement strategies at all, so the deployment fails.",
  fix: "Use { type: binpack, field: cpu|memory }, { type: spread, field: instanceId | host | attribute:ecs.availability-zone (or another attribute) }, or { type: random } without a field; on Fargate, remove the placement strategies (spread across Availability Zones by listing subnets in several zones).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html",
  ],
  messages: {
    onFargate:
      "{{reason}}, but the service sets placement strategies: Fargate does not support task placement strategies; remove them",
    tooMany: "the service sets {{count}} placement strategies: ECS allows at most 5",
    unknownType: 'placement strategy type "{{value}}" is not one of binpack, spread, random',
    binpackField: 'binpack needs field "cpu" or "memory", found {{value}}',
    spreadField:
      'spread needs field "instanceId", "host" or "attribute:<name>" (such as attribute:ecs.availability-zone), found {{value}}',
    randomField: 'random does not use a field, found "{{value}}": remove the field',
  },
  check: {
    service(service, { report }) {
      const found = strategies(service);
      if (!found || (found.node.kind === "seq" && found.node.items.length === 0)) return;
      const fargate = serviceFargateEvidence(service);
      if (fargate) {
        const reason = fargateReason(service);
        report(found.node, "onFargate", { reason });
        return;
      }
      if (found.node.kind === "seq" && found.node.items.length > MAX_STRATEGIES) {
        report(found.node, "tooMany", { count: found.node.items.length });
      }
      for (const item of found.items) {
        const type = item.str("type");
        if (type === undefined) continue; // absent (the API reports it) or an intrinsic
        const fieldNode = item.get("field");
        const hasField = item.has("field") && !(fieldNode?.kind === "scalar" && fieldNode.value === "");
        const field = item.str("field");
        if (hasField && field === undefined) continue; // an intrinsic
        const shown = field === undefined ? "none" : `"${field}"`;
        switch (type.toLowerCase()) {
          case "binpack":
            if (field === undefined || !["cpu", "memory"].includes(field.toLowerCase()))
              report(fieldNode ?? item.node, "binpackField", { value: shown });
            break;
          case "spread":
            if (field === undefined || !/^(instanceid|host|attribute:\S+)$/i.test(field))
              report(fieldNode ?? item.node, "spreadField", { value: shown });
            break;
          case "random":
            if (hasField && field !== undefined) report(fieldNode!, "randomField", { value: field });
            break;
          default:
            report(item.get("type")!, "unknownType", { value: type });
        }
      }
    },
  },
});
