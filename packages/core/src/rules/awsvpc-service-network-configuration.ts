import type { Node } from "../document/node.js";
import type { Service } from "../model/resources.js";
import { defineRule } from "./define.js";
import { serviceFargateEvidence, serviceNetworking } from "./support/service-settings.js";

/** The property names as the user wrote them, so the message says what to add. */
function names(service: Service) {
  switch (service.format) {
    case "cloudformation":
      return {
        network: "NetworkConfiguration",
        awsvpc: "NetworkConfiguration.AwsvpcConfiguration",
        subnets: "Subnets",
      };
    case "terraform":
      return { network: "network_configuration", awsvpc: "network_configuration", subnets: "subnets" };
    default:
      return {
        network: "networkConfiguration",
        awsvpc: "networkConfiguration.awsvpcConfiguration",
        subnets: "subnets",
      };
  }
}

/** Why the service needs an awsvpc configuration, and the node that says so. */
function needsAwsvpc(service: Service): { reason: string; node: Node } | undefined {
  const fargate = serviceFargateEvidence(service);
  if (fargate) {
    const reason =
      service.launchType === "FARGATE"
        ? "launchType is FARGATE"
        : `the capacity provider strategy uses ${service.capacityProviders.find((p) => /^FARGATE/i.test(p)) ?? "FARGATE"}`;
    return { reason, node: fargate };
  }
  const task = service.taskDefinition;
  if (task?.networkMode === "awsvpc" && service.taskDefinitionReference) {
    return {
      reason: `task definition "${task.name}" uses networkMode awsvpc`,
      node: service.taskDefinitionReference.node,
    };
  }
  return undefined;
}

export default defineRule({
  id: "awsvpc-service-network-configuration",
  title: "Fargate and awsvpc services have an awsvpc network configuration",
  severity: "error",
  description:
    "A service that runs on Fargate (launchType or capacity provider) or whose task definition uses the awsvpc network mode must set networkConfiguration.awsvpcConfiguration with at least one subnet.",
  rationale:
    "Every awsvpc task gets its own elastic network interface in the subnets the service names; CreateService rejects an awsvpc or Fargate service without a network configuration, so the deployment fails.",
  fix: "Add networkConfiguration.awsvpcConfiguration (NetworkConfiguration.AwsvpcConfiguration in CloudFormation, a network_configuration block in Terraform) with subnets and securityGroups.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html",
  ],
  peers: { cfnLint: "E3052" },
  messages: {
    missingNetworkConfiguration:
      "{{reason}}, but the service has no {{property}}: add {{awsvpc}} with the subnets (and security groups) for the tasks' network interfaces",
    missingAwsvpcConfiguration: "{{reason}}, but {{property}} has no awsvpc configuration: add {{awsvpc}} with subnets",
    missingSubnets: "{{reason}}, but {{property}} lists no {{subnets}}: name at least one subnet ID for the tasks",
  },
  check: {
    service(service, { report }) {
      const need = needsAwsvpc(service);
      if (!need) return;
      const property = names(service);
      const { network, awsvpc } = serviceNetworking(service);
      if (network.state === "absent") {
        report(need.node, "missingNetworkConfiguration", {
          reason: need.reason,
          property: property.network,
          awsvpc: property.awsvpc,
        });
        return;
      }
      if (network.state === "unknown") return;
      if (awsvpc.state === "absent") {
        report(network.node, "missingAwsvpcConfiguration", {
          reason: need.reason,
          property: property.network,
          awsvpc: property.awsvpc,
        });
        return;
      }
      if (awsvpc.state === "unknown") return;
      const subnets = awsvpc.obj.get("subnets");
      const empty = subnets?.kind === "seq" && subnets.items.length === 0;
      if (!awsvpc.obj.has("subnets") || empty) {
        report(subnets ?? awsvpc.node, "missingSubnets", {
          reason: need.reason,
          property: property.awsvpc,
          subnets: property.subnets,
        });
      }
    },
  },
});
