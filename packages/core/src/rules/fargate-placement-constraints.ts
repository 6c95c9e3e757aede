import { defineRule } from "./define.js";

export default defineRule({
  id: "fargate-placement-constraints",
  title: "Fargate task definitions have no placement constraints",
  severity: "error",
  description: "A task definition that requires FARGATE does not set placementConstraints.",
  rationale:
    "Task placement constraints (memberOf expressions over container instance attributes) choose among EC2 container instances; Fargate has none, and ECS does not support task definition placement constraints for tasks run on Fargate.",
  fix: "Remove placementConstraints from the Fargate task definition; to spread or pin Fargate tasks, choose the subnets (Availability Zones) in the service's network configuration.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinitionPlacementConstraint.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html",
  ],
  peers: { cfnLint: "E3048" },
  messages: {
    constraintsOnFargate:
      "requiresCompatibilities includes FARGATE, but the task definition sets {{count}} placement constraint(s): Fargate does not support task placement constraints; remove placementConstraints",
  },
  check: {
    taskDefinition(task, { report }) {
      if (!task.usesFargate) return;
      const node = task.props.get("placementConstraints");
      const count = task.props.list("placementConstraints").length;
      if (node && count > 0) report(node, "constraintsOnFargate", { count });
    },
  },
});
