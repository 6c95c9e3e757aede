import { defineRule } from "./define.js";
import { isEssential } from "./support/taskdef-containers.js";

export default defineRule({
  id: "health-check-missing",
  title: "Essential containers have a health check",
  severity: "warning",
  description: "Every essential container defines a healthCheck with a command.",
  rationale:
    "Without a container health check ECS knows only whether the process runs, not whether it serves: a hung essential container stays RUNNING, deployments count it as healthy, and dependsOn conditions of HEALTHY cannot be used.",
  fix: 'Add a healthCheck with a command, e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], and tune interval, timeout, retries and startPeriod.',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
  ],
  peers: { kics: "ECS Task Definition HealthCheck Missing" },
  messages: {
    missing:
      'essential container "{{container}}" has no healthCheck: add one with a command (e.g. ["CMD-SHELL", "curl -f http://localhost/health || exit 1"]) so ECS can replace it when it stops serving',
    noCommand:
      'the healthCheck of essential container "{{container}}" has no command: set command, e.g. ["CMD-SHELL", "curl -f http://localhost/health || exit 1"]',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const container of task.containers) {
        if (isEssential(container) !== true) continue;
        const { props } = container;
        if (!props.has("healthCheck")) {
          report(props.node, "missing", { container: container.name });
          continue;
        }
        const healthCheck = props.obj("healthCheck");
        if (!healthCheck) continue; // an intrinsic function: known only at deploy time
        const command = healthCheck.get("command");
        if (!healthCheck.has("command") || (command?.kind === "seq" && command.items.length === 0))
          report(healthCheck.node, "noCommand", { container: container.name });
      }
    },
  },
});
