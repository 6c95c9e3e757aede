import { defineRule } from "./define.js";
import { taskMemoryMiB } from "./support/taskdef-size.js";

export default defineRule({
  id: "container-memory-exceeds-task",
  title: "Container memory fits the task's memory",
  severity: "error",
  description:
    "No container's memory or memoryReservation is above the task-level memory, the containers' hard limits (memory) add up to no more than the task's memory, and no container reserves more than its own hard limit.",
  rationale:
    "The memory reserved for all containers must fit in the task's memory, and a container's hard limit must be above its reservation: ECS refuses such a task definition, or the task can never be placed.",
  fix: "Lower the container memory / memoryReservation values, or raise the task-level memory (on Fargate, to a size the task's cpu allows).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
  ],
  messages: {
    aboveTask:
      'container "{{container}}" sets {{property}} to {{value}} MiB, more than the task\'s memory of {{taskMemory}} MiB: lower it or raise the task memory',
    sumAboveTask:
      "the containers' memory hard limits add up to {{total}} MiB ({{parts}}), more than the task's memory of {{taskMemory}} MiB: lower them or raise the task memory",
    reservationAboveLimit:
      'container "{{container}}" reserves {{reservation}} MiB (memoryReservation) but its hard limit (memory) is {{limit}} MiB: the reservation must be below the limit',
  },
  check: {
    taskDefinition(task, { report }) {
      const taskMemory = taskMemoryMiB(task.props.get("memory"));
      const taskLimit = taskMemory.kind === "value" ? taskMemory.value : undefined;
      let anyAbove = false;
      const hardLimits: { name: string; value: number }[] = [];
      for (const container of task.containers) {
        const { props } = container;
        const limit = props.num("memory");
        const reservation = props.num("memoryReservation");
        if (limit !== undefined) hardLimits.push({ name: container.name, value: limit });
        for (const [property, value] of [
          ["memory", limit],
          ["memoryReservation", reservation],
        ] as const) {
          if (taskLimit === undefined || value === undefined || value <= taskLimit) continue;
          anyAbove = true;
          report(props.get(property)!, "aboveTask", {
            container: container.name,
            property,
            value,
            taskMemory: taskLimit,
          });
        }
        if (limit !== undefined && reservation !== undefined && reservation > limit)
          report(props.get("memoryReservation")!, "reservationAboveLimit", {
            container: container.name,
            reservation,
            limit,
          });
      }
      if (taskLimit === undefined || anyAbove || hardLimits.length < 2) return;
      const total = hardLimits.reduce((sum, { value }) => sum + value, 0);
      if (total > taskLimit)
        report(task.props.get("memory")!, "sumAboveTask", {
          total,
          parts: hardLimits.map(({ name, value }) => `"${name}" ${value}`).join(" + "),
          taskMemory: taskLimit,
        });
    },
  },
});
