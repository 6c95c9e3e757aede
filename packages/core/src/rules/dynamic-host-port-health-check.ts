import type { Node } from "../document/node.js";
import { scalarNumber, scalarString } from "../model/obj.js";
import type { TargetGroup, TaskDefinition } from "../model/resources.js";
import { defineRule } from "./define.js";
import { settingsObj } from "./support/service-settings.js";

/**
 * Whether the container's mapping of this port gets a dynamic host port: hostPort 0, or no hostPort
 * in bridge mode (ECS then picks one from the ephemeral range). The hostPort node, or the mapping.
 */
function dynamicHostPort(task: TaskDefinition, containerName: string, containerPort: number): Node | undefined {
  const bridge = !task.usesFargate && (task.networkMode === "bridge" || !task.props.has("networkMode"));
  const container = task.containers.find((candidate) => candidate.name === containerName);
  for (const mapping of container?.props.objs("portMappings") ?? []) {
    if (mapping.num("containerPort") !== containerPort) continue;
    const hostPort = mapping.get("hostPort");
    if (hostPort && scalarNumber(hostPort) === 0) return hostPort;
    if (!mapping.has("hostPort") && bridge) return mapping.node;
  }
  return undefined;
}

/** The target group's health check port when it is a literal other than traffic-port (absent means traffic-port). */
function fixedHealthCheckPort(targetGroup: TargetGroup): { node: Node; port: string } | undefined {
  // CloudFormation: HealthCheckPort; Terraform: health_check { port }.
  const node = targetGroup.props.get("healthCheckPort") ?? settingsObj(targetGroup.props, "healthCheck")?.get("port");
  const port = scalarString(node);
  if (!node || port === undefined || port === "" || port === "traffic-port") return undefined;
  return { node, port };
}

export default defineRule({
  id: "dynamic-host-port-health-check",
  title: "Target groups of dynamic host ports check health on the traffic port",
  severity: "error",
  description:
    "When a service sends a target group's traffic to a container port that gets a dynamic host port (hostPort 0, or none in bridge mode), the target group's health check port is traffic-port.",
  rationale:
    "With dynamic port mapping each task listens on a host port ECS picks at random from the ephemeral range and registers with the target group. A health check on a fixed port probes a port no task listens on, so every target is unhealthy, the load balancer sends no traffic, and ECS keeps replacing the tasks.",
  fix: 'Set the target group\'s HealthCheckPort (health_check { port } in Terraform) to "traffic-port", or leave it out: traffic-port is the default.',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html",
  ],
  peers: { cfnLint: "E3049" },
  messages: {
    fixedPort:
      'container "{{container}}" port {{port}} gets a dynamic host port, but target group "{{targetGroup}}" checks health on port {{healthPort}}, where no task listens: set the health check port to "traffic-port" (the default)',
  },
  check: {
    service(service, { report }) {
      const task = service.taskDefinition;
      if (!task) return;
      for (const target of service.loadBalancerTargets) {
        const { targetGroup, containerName, containerPort } = target;
        if (!targetGroup || containerName === undefined || containerPort === undefined) continue;
        if (!dynamicHostPort(task, containerName, containerPort)) continue;
        const health = fixedHealthCheckPort(targetGroup);
        if (!health) continue;
        report(health.node, "fixedPort", {
          container: containerName,
          port: containerPort,
          targetGroup: targetGroup.name,
          healthPort: JSON.stringify(health.port),
        });
      }
    },
  },
});
