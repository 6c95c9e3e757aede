import type { Obj } from "../model/obj.js";
import { defineRule, type RuleContext } from "./define.js";
import { clusterQueryProblem } from "./support/service-cluster-query.js";
import { fargateReason, serviceFargateEvidence } from "./support/service-settings.js";

type MessageId =
  | "onFargate"
  | "tooMany"
  | "unknownType"
  | "expressionRequired"
  | "expressionNotAllowed"
  | "distinctInstanceInTaskDefinition"
  | "badExpression";

/** "You can specify a maximum of 10 constraints for each task" (CreateService, placementConstraints). */
const MAX_CONSTRAINTS = 10;

function checkConstraint(
  item: Obj,
  where: "service" | "task definition",
  report: RuleContext<MessageId>["report"],
): void {
  const type = item.str("type");
  if (type === undefined) return; // absent (the API reports it) or an intrinsic
  const expressionNode = item.get("expression");
  const expression = item.str("expression");
  const hasExpression = item.has("expression") && expression !== "";
  switch (type.toLowerCase()) {
    case "distinctinstance":
      if (where === "task definition") report(item.get("type")!, "distinctInstanceInTaskDefinition");
      else if (hasExpression) report(expressionNode!, "expressionNotAllowed");
      return;
    case "memberof": {
      if (!hasExpression) {
        report(expressionNode ?? item.node, "expressionRequired");
        return;
      }
      if (expression === undefined) return; // an intrinsic
      const problem = clusterQueryProblem(expression);
      if (problem) report(expressionNode!, "badExpression", { problem });
      return;
    }
    default:
      report(item.get("type")!, "unknownType", {
        value: type,
        allowed: where === "service" ? "memberOf or distinctInstance" : "memberOf",
      });
  }
}

export default defineRule({
  id: "placement-constraint-expression",
  title: "Placement constraints are valid",
  severity: "error",
  description:
    "Placement constraints are distinctInstance without an expression (services only) or memberOf with a cluster query language expression that parses; a service has at most ten and none on Fargate.",
  rationale:
    "ECS rejects a memberOf constraint without a valid cluster query expression, an expression on distinctInstance, and placement constraints on Fargate services when the service or task definition is created, so the deployment fails; a constraint that parses but names the wrong attribute would instead leave tasks PENDING.",
  fix: 'Write { type: memberOf, expression: "attribute:ecs.instance-type =~ t3.*" } (subject, operator, value; lists as [a, b]; combine with and/or/not and parentheses) or { type: distinctInstance } without an expression; on Fargate remove the constraints.',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html",
  ],
  messages: {
    onFargate:
      "{{reason}}, but the service sets placement constraints: Fargate does not support task placement constraints; remove them",
    tooMany: "the service sets {{count}} placement constraints: ECS allows at most 10",
    unknownType: 'placement constraint type "{{value}}" is not {{allowed}}',
    expressionRequired:
      "a memberOf constraint needs an expression in the cluster query language, such as attribute:ecs.instance-type =~ t3.*",
    expressionNotAllowed: "a distinctInstance constraint takes no expression: remove it, or use type memberOf",
    distinctInstanceInTaskDefinition:
      "task definitions accept only memberOf constraints: set distinctInstance on the service (placementConstraints of the service) instead",
    badExpression: "the memberOf expression is not valid cluster query language: {{problem}}",
  },
  check: {
    service(service, { report }) {
      const node = service.props.get("placementConstraints");
      const items = service.props.objs("placementConstraints");
      if (!node || (node.kind === "seq" && node.items.length === 0)) return;
      const fargate = serviceFargateEvidence(service);
      if (fargate) {
        const reason = fargateReason(service);
        report(node, "onFargate", { reason });
        return;
      }
      if (node.kind === "seq" && node.items.length > MAX_CONSTRAINTS)
        report(node, "tooMany", { count: node.items.length });
      for (const item of items) checkConstraint(item, "service", report);
    },
    taskDefinition(task, { report }) {
      // Fargate task definitions with constraints are the fargate-placement-constraints rule's.
      for (const item of task.props.objs("placementConstraints")) checkConstraint(item, "task definition", report);
    },
  },
});
