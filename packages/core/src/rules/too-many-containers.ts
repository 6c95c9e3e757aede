import { defineRule } from "./define.js";

const MAX_CONTAINERS = 10;

export default defineRule({
  id: "too-many-containers",
  title: "A task definition has at most 10 containers",
  severity: "error",
  description: `A task definition holds at most ${MAX_CONTAINERS} container definitions.`,
  rationale:
    "ECS limits the number of containers per task definition to 10, and this quota is not adjustable: RegisterTaskDefinition refuses a task definition with more.",
  fix: "Split the containers into several task definitions (services), grouping those that must share a task; move one-off helpers out of the task.",
  references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html"],
  messages: {
    tooMany: `the task definition has {{count}} containers, but ECS allows at most ${MAX_CONTAINERS} per task definition (a quota that cannot be raised): split it into several task definitions`,
  },
  check: {
    taskDefinition(task, { report }) {
      const count = task.containers.length;
      if (count <= MAX_CONTAINERS) return;
      report(task.props.get("containerDefinitions") ?? task.props.node, "tooMany", { count });
    },
  },
});
