import { defineRule } from "./define.js";

export default defineRule({
  id: "fargate-requires-awsvpc",
  title: "Fargate task definitions use the awsvpc network mode",
  severity: "error",
  description: "A task definition that requires FARGATE must set networkMode to awsvpc.",
  rationale:
    "Fargate supports only the awsvpc network mode; RegisterTaskDefinition rejects any other mode, and an absent mode defaults to bridge.",
  fix: 'Set networkMode (NetworkMode in CloudFormation, network_mode in Terraform) to "awsvpc".',
  references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html"],
  peers: { cfnLint: "E3048", controlTower: "CT.ECS.PR.4 (awsvpc for every task)" },
  messages: {
    wrongMode: 'requiresCompatibilities includes FARGATE, but networkMode is "{{mode}}": Fargate supports only "awsvpc"',
    missingMode: 'requiresCompatibilities includes FARGATE, but networkMode is not set (ECS defaults to "bridge"): set it to "awsvpc"',
  },
  check: {
    taskDefinition(task, { report }) {
      if (!task.usesFargate) return;
      const modeNode = task.props.get("networkMode");
      if (!task.props.has("networkMode")) {
        report(task.props.get("requiresCompatibilities") ?? task.props.node, "missingMode");
        return;
      }
      if (task.networkMode !== undefined && task.networkMode !== "awsvpc")
        report(modeNode!, "wrongMode", { mode: task.networkMode });
    },
  },
});
