import { defineRule } from "./define.js";
import { effectiveNetworkMode, type PortMapping, portMappings } from "./support/taskdef-ports.js";

export default defineRule({
  id: "duplicate-container-port",
  title: "No port is mapped twice in a task",
  severity: "error",
  description:
    "The same containerPort and protocol is not mapped twice: across all containers under awsvpc (they share one network interface), within a container otherwise. On EC2 in bridge or host mode, the same host port is not mapped twice in the task.",
  rationale:
    "Containers of an awsvpc task share the task's network namespace, so two of them cannot listen on the same port; in bridge and host mode a host port can be bound only once per instance, so a task that maps it twice cannot be placed or its containers fail to start.",
  fix: "Give each mapping its own port, or remove the duplicate mapping; in bridge mode, leave hostPort out (or 0) to get a dynamic host port.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html",
  ],
  messages: {
    duplicateContainerPort:
      'container "{{container}}" maps containerPort {{port}}/{{protocol}}, already mapped by {{first}}{{scope}}: use another port or remove the duplicate',
    duplicateHostPort:
      'container "{{container}}" maps host port {{port}}/{{protocol}}, already mapped by {{first}}: a host port can be bound only once; use another hostPort, or leave it out in bridge mode for a dynamic port',
  },
  check: {
    taskDefinition(task, { report }) {
      const mode = effectiveNetworkMode(task);
      if (mode === undefined || mode === "none") return;
      const containerPorts = new Map<string, PortMapping>();
      const hostPorts = new Map<string, PortMapping>();
      for (const container of task.containers)
        for (const mapping of portMappings(container)) {
          const { containerPort, protocol } = mapping;
          if (protocol === undefined) continue;
          if (containerPort !== undefined) {
            // under awsvpc the ports share one network interface; otherwise each container has its own
            const key =
              mode === "awsvpc" ? `${containerPort}/${protocol}` : `${container.index}:${containerPort}/${protocol}`;
            const first = containerPorts.get(key);
            if (first) {
              report(mapping.containerPortNode!, "duplicateContainerPort", {
                container: container.name,
                port: containerPort,
                protocol,
                first: describe(first, container.index),
                scope: mode === "awsvpc" ? " (awsvpc containers share the task's network interface)" : "",
              });
              continue;
            }
            containerPorts.set(key, mapping);
          }
          if (task.usesFargate || (mode !== "bridge" && mode !== "host")) continue;
          // host mode binds hostPort, or containerPort when hostPort is left out; bridge only a fixed hostPort
          const hostPort = mode === "host" ? (mapping.hostPort ?? containerPort) : mapping.hostPort;
          if (
            hostPort === undefined ||
            hostPort === 0 ||
            (mode === "host" && mapping.props.has("hostPort") && mapping.hostPort === undefined)
          )
            continue;
          const key = `${hostPort}/${protocol}`;
          const first = hostPorts.get(key);
          if (first)
            report(mapping.hostPortNode ?? mapping.containerPortNode!, "duplicateHostPort", {
              container: container.name,
              port: hostPort,
              protocol,
              first: describe(first, container.index),
            });
          else hostPorts.set(key, mapping);
        }
    },
  },
});

function describe(mapping: PortMapping, currentContainer: number): string {
  const where = `portMappings[${mapping.index}]`;
  return mapping.container.index === currentContainer ? where : `${where} of container "${mapping.container.name}"`;
}
