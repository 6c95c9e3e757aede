import { defineRule } from "./define.js";

export default defineRule({
  id: "autoscaling-capacity-range",
  title: "Scalable targets have a valid capacity range",
  severity: "error",
  description:
    "An Application Auto Scaling scalable target (such as an ECS service's desired count) has MinCapacity and MaxCapacity of 0 or more, with MinCapacity not above MaxCapacity.",
  rationale:
    "RegisterScalableTarget rejects a minimum above the maximum or a negative capacity, so the stack or apply fails; and a range that cannot hold the service's tasks is almost always a typo.",
  fix: "Set MinCapacity to the fewest tasks the service may run and MaxCapacity to the most, with 0 <= MinCapacity <= MaxCapacity (min_capacity / max_capacity in Terraform).",
  references: [
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-applicationautoscaling-scalabletarget.html",
  ],
  messages: {
    negative: "{{property}} is {{value}}: capacities are 0 or more",
    minAboveMax:
      "MinCapacity {{min}} is above MaxCapacity {{max}}: the minimum must not exceed the maximum; swap or correct them",
  },
  check: {
    scalableTarget(target, { report }) {
      const min = target.props.num("minCapacity");
      const max = target.props.num("maxCapacity");
      let negative = false;
      for (const [key, value] of [
        ["minCapacity", min],
        ["maxCapacity", max],
      ] as const) {
        if (value !== undefined && value < 0) {
          negative = true;
          report(target.props.get(key)!, "negative", {
            property: key === "minCapacity" ? "MinCapacity" : "MaxCapacity",
            value,
          });
        }
      }
      if (!negative && min !== undefined && max !== undefined && min > max) {
        report(target.props.get("minCapacity")!, "minAboveMax", { min, max });
      }
    },
  },
});
