import { scalarString } from "../model/obj.js";
import type { TaskDefinition } from "../model/resources.js";
import { defineRule } from "./define.js";
import { fargateReason, serviceFargateEvidence } from "./support/service-settings.js";

/**
 * Whether the task definition, as written, cannot run on Fargate for want of FARGATE among its
 * compatibilities. With networkMode awsvpc ECS validates the definition against Fargate at
 * registration and lists FARGATE in its computed `compatibilities` anyway (cfn-lint E3054 makes
 * the same exception), so only a literal non-awsvpc mode, or none, counts.
 */
function lacksFargate(task: TaskDefinition): boolean {
  if (task.props.has("networkMode") && (task.networkMode === undefined || task.networkMode === "awsvpc")) return false;
  const required = task.props.get("requiresCompatibilities");
  if (required && required.kind !== "seq") return false; // an intrinsic: known at deploy time
  if (required?.items.some((item) => scalarString(item) === undefined)) return false; // e.g. [EC2, !Ref LaunchType]
  if (task.compatibilities.includes("FARGATE")) return false;
  // describe-task-definition output carries the compatibilities ECS computed
  return !task.props.strings("compatibilities").some((value) => value.toUpperCase() === "FARGATE");
}

export default defineRule({
  id: "fargate-service-launch-compatibility",
  title: "A Fargate service's task definition is Fargate-compatible",
  severity: "error",
  description:
    "A service that runs on Fargate (launchType or capacity provider) uses a task definition that lists FARGATE in requiresCompatibilities (or uses the awsvpc network mode, which ECS validates for Fargate).",
  rationale:
    "ECS starts a service's tasks only with a task definition validated for the service's launch type; a Fargate service whose task definition was registered for EC2 (no FARGATE compatibility, bridge networking by default) fails with \"task definition does not support launch_type FARGATE\".",
  fix: 'Add "FARGATE" to the task definition\'s requiresCompatibilities and set networkMode "awsvpc" with task-level cpu and memory, or run the service on EC2.',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
  ],
  peers: { cfnLint: "E3054" },
  messages: {
    incompatible:
      'the service runs on Fargate ({{reason}}) but its task definition "{{task}}" does not list FARGATE in requiresCompatibilities and uses networkMode {{mode}}: add "FARGATE" to requiresCompatibilities with networkMode "awsvpc", or run the service on EC2',
  },
  check: {
    service(service, { report }) {
      const evidence = serviceFargateEvidence(service);
      const task = service.taskDefinition;
      if (!evidence || !task || !lacksFargate(task)) return;
      report(evidence, "incompatible", {
        reason: fargateReason(service),
        task: task.name,
        mode: task.networkMode ? `"${task.networkMode}"` : '"bridge" (the default)',
      });
    },
  },
});
