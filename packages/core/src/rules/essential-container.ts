import { defineRule } from "./define.js";
import { isEssential } from "./support/taskdef-containers.js";

export default defineRule({
  id: "essential-container",
  title: "A task definition has at least one essential container",
  severity: "error",
  description:
    "A task definition lists at least one container, and at least one of its containers is essential; a container is essential unless it sets essential to false.",
  rationale:
    "ECS requires every task to have at least one essential container and rejects a task definition with no containers, or whose containers all set essential to false; the essential container is also what ties the task's life to the application.",
  fix: "Set essential to true on the main container (or leave essential out there: the default is true).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
  ],
  peers: { cfnLint: "E3042" },
  messages: {
    noContainers:
      "the task definition lists no containers: ECS refuses an empty containerDefinitions list; add at least one container (essential by default)",
    noEssential:
      "all {{count}} containers set essential to false ({{names}}): every task needs at least one essential container; set essential to true on the main one, or leave it out (the default is true)",
  },
  check: {
    taskDefinition(task, { report }) {
      const definitions = task.props.get("containerDefinitions");
      if (definitions?.kind === "seq" && definitions.items.length === 0) {
        report(definitions, "noContainers");
        return;
      }
      if (task.containers.length === 0) return;
      if (!task.containers.every((container) => isEssential(container) === false)) return;
      const names = task.containers.map((container) => `"${container.name}"`).join(", ");
      report(task.props.get("containerDefinitions") ?? task.props.node, "noEssential", {
        count: task.containers.length,
        names,
      });
    },
  },
});
