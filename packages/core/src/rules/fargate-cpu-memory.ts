import { defineRule } from "./define.js";
import { taskCpuUnits, taskMemoryMiB } from "./support/taskdef-size.js";

/** Valid task memory (MiB) per task cpu (CPU units) on Fargate, from the ECS task size table. */
const fargateSizes: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, steps(1024, 4096, 1024)],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
]);

function steps(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

/** "512, 1024, 2048", or "4096 to 16384 in steps of 1024" for the long ranges. */
function describeMemoryValues(values: readonly number[]): string {
  if (values.length <= 7) return values.join(", ");
  return `${values[0]} to ${values.at(-1)} in steps of ${values[1]! - values[0]!}`;
}

const validCpu = [...fargateSizes.keys()].join(", ");

export default defineRule({
  id: "fargate-cpu-memory",
  title: "Fargate task definitions use a supported cpu and memory pair",
  severity: "error",
  description:
    "A task definition that requires FARGATE sets task-level cpu and memory, and the pair is one that Fargate offers.",
  rationale:
    'Fargate sizes tasks from a fixed table of cpu and memory combinations; RegisterTaskDefinition rejects a Fargate task definition without task-level cpu and memory or with a pair outside the table ("Invalid \'cpu\' setting for task", or "No Fargate configuration exists for given values").',
  fix: 'Set cpu and memory at the task level to a pair from the Fargate table, e.g. cpu "256" with memory "512", "1024" or "2048"; cpu may be written "1 vCPU" and memory "2 GB".',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
  ],
  peers: { cfnLint: "E3047, E3048", kics: "ECS Task Definition Invalid CPU or Memory" },
  messages: {
    missingCpu: `requiresCompatibilities includes FARGATE, but the task has no cpu: set cpu to one of ${validCpu} (CPU units) or the same in vCPU ("1 vCPU")`,
    missingMemory: `requiresCompatibilities includes FARGATE, but the task has no memory: set memory (MiB, or "2 GB") to a value the task's cpu allows`,
    unsupportedCpu: `cpu "{{cpu}}" is not a Fargate task size: use one of ${validCpu} (CPU units), or the same in vCPU ("1 vCPU")`,
    unreadableMemory: 'memory "{{memory}}" is not a number of MiB or a size in GB ("2 GB"): write it as e.g. "2048"',
    invalidPair:
      "cpu {{cpu}} allows memory {{allowed}} MiB on Fargate, but memory is {{memory}} MiB: pick one of those values, or another cpu size",
  },
  check: {
    taskDefinition(task, { report }) {
      if (!task.usesFargate) return;
      const { props } = task;
      const where = props.get("requiresCompatibilities") ?? props.node;
      if (!props.has("cpu")) report(where, "missingCpu");
      if (!props.has("memory")) report(where, "missingMemory");

      const cpuNode = props.get("cpu");
      const memoryNode = props.get("memory");
      const cpu = props.has("cpu") ? taskCpuUnits(cpuNode) : undefined;
      const memory = props.has("memory") ? taskMemoryMiB(memoryNode) : undefined;

      let allowed: readonly number[] | undefined;
      if (cpu?.kind === "invalid") report(cpuNode!, "unsupportedCpu", { cpu: cpu.text });
      if (cpu?.kind === "value") {
        allowed = fargateSizes.get(cpu.value);
        if (!allowed) report(cpuNode!, "unsupportedCpu", { cpu: props.str("cpu")! });
      }
      if (memory?.kind === "invalid") report(memoryNode!, "unreadableMemory", { memory: memory.text });
      if (cpu?.kind === "value" && allowed && memory?.kind === "value" && !allowed.includes(memory.value))
        report(memoryNode!, "invalidPair", {
          cpu: cpu.value,
          allowed: describeMemoryValues(allowed),
          memory: memory.value,
        });
    },
  },
});
