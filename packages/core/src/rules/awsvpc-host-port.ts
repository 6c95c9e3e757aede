import { defineRule } from "./define.js";
import { effectiveNetworkMode, portMappings } from "./support/taskdef-ports.js";

/** The network modes without port translation: hostPort is left out or equals containerPort. */
const UNTRANSLATED_MODES = ["awsvpc", "host"];

// The id predates the host case; it stays `awsvpc-host-port` because configs and tools name it.
export default defineRule({
  id: "awsvpc-host-port",
  title: "Under awsvpc or host networking, hostPort is absent or equal to containerPort",
  severity: "error",
  description:
    "In a task definition with networkMode awsvpc (every Fargate task) or host, each portMappings entry leaves hostPort out or sets it to the containerPort.",
  rationale:
    "With awsvpc the task has its own network interface, and with host the container uses the instance's network stack: neither translates ports, so ECS requires hostPort to be blank or the same as containerPort, and rejects the task definition otherwise.",
  fix: "Remove hostPort from the port mapping (ECS fills it in), or set it to the containerPort value.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
  ],
  peers: { cfnLint: "E3053" },
  messages: {
    hostPortDiffers:
      'container "{{container}}" maps containerPort {{containerPort}} to hostPort {{hostPort}}, but under {{mode}} networking hostPort must be left out or equal containerPort: remove hostPort or set it to {{containerPort}}',
  },
  check: {
    taskDefinition(task, { report }) {
      const mode = effectiveNetworkMode(task);
      if (mode === undefined || !UNTRANSLATED_MODES.includes(mode)) return;
      for (const container of task.containers)
        for (const mapping of portMappings(container)) {
          if (mapping.hostPort === undefined || mapping.containerPort === undefined) continue;
          if (mapping.hostPort !== mapping.containerPort)
            report(mapping.hostPortNode!, "hostPortDiffers", {
              container: container.name,
              containerPort: mapping.containerPort,
              hostPort: mapping.hostPort,
              mode,
            });
        }
    },
  },
});
