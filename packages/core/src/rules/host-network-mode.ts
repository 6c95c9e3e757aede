import { defineRule } from "./define.js";

export default defineRule({
  id: "host-network-mode",
  title: "Task definitions do not use the host network mode",
  severity: "warning",
  description: 'A task definition does not set networkMode "host" (Fargate task definitions are left to fargate-requires-awsvpc).',
  rationale:
    "In host mode a task's containers share the instance's network stack: they can bind any port of the host, reach services that listen on its loopback, and see every other task's traffic, and no security group separates the task from the instance. A container running as root in host mode is the privilege escalation Security Hub ECS.1 looks for.",
  fix: 'Use networkMode "awsvpc" (each task gets its own network interface and security groups), or "bridge" with port mappings.',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-host.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-networkmode.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-17",
  ],
  peers: {
    securityHub: "ECS.17, ECS.1",
    controlTower: "CT.ECS.PR.8",
    awsConfig: "ecs-task-definition-network-mode-not-host",
    kics: "ECS Task Definition Network Mode Not Recommended",
  },
  messages: {
    hostMode:
      'networkMode is "host": the containers share the instance\'s network stack and no security group separates them from it; use "awsvpc" (or "bridge" with port mappings)',
  },
  check: {
    taskDefinition(task, { report }) {
      if (task.usesFargate || task.networkMode?.toLowerCase() !== "host") return;
      report(task.props.get("networkMode")!, "hostMode");
    },
  },
});
