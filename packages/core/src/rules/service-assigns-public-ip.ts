import { scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";
import { serviceNetworking } from "./support/service-settings.js";

export default defineRule({
  id: "service-assigns-public-ip",
  title: "Services do not assign public IP addresses",
  severity: "warning",
  description: "A service's networkConfiguration.awsvpcConfiguration.assignPublicIp is not ENABLED.",
  rationale:
    "With assignPublicIp ENABLED every task's network interface gets a public IP address, so the containers are reachable from the internet, limited only by their security groups.",
  fix: "Set assignPublicIp to DISABLED (assign_public_ip = false in Terraform), run the tasks in private subnets, and reach the internet and ECR through a NAT gateway or VPC endpoints; expose the service through a load balancer.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2",
  ],
  peers: { checkov: "CKV_AWS_333 (Terraform)", securityHub: "ECS.2", controlTower: "CT.ECS.PR.9", kics: "ECS Services assigned with public IP address" },
  messages: {
    publicIp:
      "assignPublicIp is {{value}}: every task gets a public IP address reachable from the internet; set it to DISABLED and use private subnets with a NAT gateway or VPC endpoints",
  },
  check: {
    service(service, { report }) {
      const { awsvpc } = serviceNetworking(service);
      if (awsvpc.state !== "present") return;
      const node = awsvpc.obj.get("assignPublicIp");
      if (!node) return;
      // ECS JSON and CloudFormation: "ENABLED"; Terraform: assign_public_ip = true.
      const terraformTrue = node.kind === "scalar" && node.value === true;
      if (terraformTrue || scalarString(node)?.toUpperCase() === "ENABLED") {
        report(node, "publicIp", { value: terraformTrue ? "true" : "ENABLED" });
      }
    },
  },
});
