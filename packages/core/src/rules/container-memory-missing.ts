import { defineRule } from "./define.js";

export default defineRule({
  id: "container-memory-missing",
  title: "Containers have a memory size when the task has none",
  severity: "error",
  description:
    "When a task definition sets no task-level memory, every container sets memory (a hard limit) or memoryReservation (a soft limit).",
  rationale:
    "ECS must know how much memory to reserve for a task on an instance: without task-level memory, RegisterTaskDefinition refuses a container that sets neither memory nor memoryReservation (\"Invalid setting for container: at least one of 'memory' or 'memoryReservation' must be specified\"), so the deployment fails.",
  fix: "Set memory at the task level, or give each container memory (MiB, a hard limit the container is killed above) and/or memoryReservation (MiB, what the scheduler reserves).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
  ],
  peers: { controlTower: "CT.ECS.PR.7", awsConfig: "ecs-task-definition-memory-hard-limit" },
  messages: {
    noMemory:
      'container "{{container}}" sets neither memory nor memoryReservation and the task sets no memory: ECS refuses the task definition; set memory (or memoryReservation) in MiB on the container, or memory on the task',
  },
  check: {
    taskDefinition(task, { report }) {
      // Fargate task definitions need task-level memory, which fargate-cpu-memory asks for.
      if (task.usesFargate || task.props.has("memory")) return;
      for (const container of task.containers)
        if (!container.props.has("memory") && !container.props.has("memoryReservation"))
          report(container.props.get("name") ?? container.props.node, "noMemory", { container: container.name });
    },
  },
});
