import { defineRule } from "./define.js";
import { serviceFargateEvidence, serviceNetworking } from "./support/service-settings.js";

export default defineRule({
  id: "network-configuration-without-awsvpc",
  title: "Only awsvpc services set a network configuration",
  severity: "error",
  description:
    "A service that sets networkConfiguration runs on Fargate or uses a task definition with the awsvpc network mode.",
  rationale:
    'The network configuration (subnets, security groups, public IP) describes the elastic network interface of an awsvpc task; ECS refuses it for a task definition in bridge, host or none mode ("Network Configuration is not valid for the given networkMode of this task definition"), so the deployment fails.',
  fix: 'Set networkMode "awsvpc" on the task definition, or remove networkConfiguration from the service (bridge and host tasks use the instance\'s network and security groups).',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html",
  ],
  messages: {
    notAwsvpc:
      'the service sets a network configuration but its task definition "{{task}}" uses networkMode {{mode}}: ECS accepts one only for awsvpc tasks; set networkMode "awsvpc" or remove the network configuration',
  },
  check: {
    service(service, { report }) {
      // An empty networkConfiguration ({}, as some tools echo for bridge services) configures nothing.
      const { network, awsvpc } = serviceNetworking(service);
      const task = service.taskDefinition;
      if (network.state !== "present" || awsvpc.state !== "present" || !task || serviceFargateEvidence(service) || task.usesFargate) return;
      if (task.props.has("networkMode") && (task.networkMode === undefined || task.networkMode === "awsvpc")) return;
      report(network.node, "notAwsvpc", {
        task: task.name,
        mode: task.networkMode ? `"${task.networkMode}"` : '"bridge" (the default)',
      });
    },
  },
});
