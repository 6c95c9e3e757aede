import { defineRule } from "./define.js";

export default defineRule({
  id: "host-namespace-mode",
  title: "Tasks do not share the host's process or IPC namespace",
  severity: "error",
  description: 'A task definition must not set pidMode or ipcMode to "host".',
  rationale:
    "With the host's PID namespace a container sees, signals and can trace every process on the instance; with the host's IPC namespace it reads and writes the host's shared memory. Either breaks the isolation between the task and the host. Fargate does not support either.",
  fix: 'Remove pidMode / ipcMode, or set "task" to share only between the task\'s own containers.',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
  ],
  peers: { checkov: "CKV_AWS_335 (Terraform)", securityHub: "ECS.3", controlTower: "CT.ECS.PR.10" },
  messages: {
    hostMode:
      '{{property}} is "host": the task\'s containers share the host\'s {{namespace}} namespace; remove it or use "task"',
    hostModeOnFargate:
      '{{property}} is "host", which Fargate does not support (the task definition is refused): remove it or use "task"',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const [property, namespace] of [["pidMode", "process"], ["ipcMode", "IPC"]] as const) {
        if (task.props.str(property)?.toLowerCase() !== "host") continue;
        report(task.props.get(property)!, task.usesFargate ? "hostModeOnFargate" : "hostMode", { property, namespace });
      }
    },
  },
});
