import { defineRule } from "./define.js";
import { isWindowsTask } from "./support/taskdef-platform.js";

export default defineRule({
  id: "read-only-root-filesystem",
  title: "Containers mount their root filesystem read-only",
  severity: "warning",
  description: "Each Linux container definition sets readonlyRootFilesystem: true; a missing or false value is reported.",
  rationale:
    "A writable root filesystem lets an attacker who gets into the container alter binaries and configuration or drop tools. Read-only root with explicit volumes for the paths that must be written keeps the container immutable.",
  fix: "Set readonlyRootFilesystem: true (ReadonlyRootFilesystem in CloudFormation) and mount a volume or tmpfs for the paths the application writes (e.g. /tmp).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html",
  ],
  peers: { checkov: "CKV_AWS_336 (Terraform)", securityHub: "ECS.5", controlTower: "CT.ECS.PR.6" },
  messages: {
    missing: 'container "{{container}}" does not set readonlyRootFilesystem (the root filesystem is writable by default): set it to true and mount volumes for the paths it writes',
    disabled: 'container "{{container}}" sets readonlyRootFilesystem: false: set it to true and mount volumes for the paths it writes',
  },
  check: {
    taskDefinition(task, { report }) {
      if (isWindowsTask(task)) return; // not supported for Windows containers
      for (const container of task.containers) {
        const data = { container: container.name };
        if (!container.props.has("readonlyRootFilesystem")) report(container.props.node, "missing", data);
        else if (container.props.bool("readonlyRootFilesystem") === false)
          report(container.props.get("readonlyRootFilesystem")!, "disabled", data);
      }
    },
  },
});
