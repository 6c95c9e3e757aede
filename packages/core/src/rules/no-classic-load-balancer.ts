import { entry, type Node } from "../document/node.js";
import { scalarString } from "../model/obj.js";
import { type ClassicLoadBalancer, refTarget } from "../model/resources.js";
import { defineRule } from "./define.js";

/** What to call a loadBalancerName value: the literal, the logical id of a `!Ref`, or "from an intrinsic". */
function describeName(node: Node): string {
  const literal = scalarString(node);
  if (literal !== undefined) return `"${literal}"`;
  const target = refTarget(node);
  return target !== undefined ? `!Ref ${target}` : "(set by an intrinsic function)";
}

/** The CloudFormation `Type:` value of the resource, the most telling place to point at. */
function typeNode(loadBalancer: ClassicLoadBalancer): Node {
  const resource = loadBalancer.props.node.parent;
  if (resource?.kind === "map") {
    const type = entry(resource, "Type");
    if (type) return type;
  }
  return loadBalancer.props.node;
}

export default defineRule({
  id: "no-classic-load-balancer",
  title: "No Classic Load Balancer",
  severity: "error",
  description:
    "A service's loadBalancers[].loadBalancerName names a Classic Load Balancer, and an AWS::ElasticLoadBalancing::LoadBalancer resource is one; both are refused in favour of an Application or Network Load Balancer target group.",
  rationale:
    "Classic Load Balancers are the previous generation of Elastic Load Balancing: they cannot route to awsvpc tasks by IP, do not support Fargate, dynamic host ports or several target groups per service, and AWS recommends migrating to Application or Network Load Balancers.",
  fix: "Put the service behind an Application Load Balancer (HTTP/HTTPS) or a Network Load Balancer (TCP/UDP): create a target group and reference it with loadBalancers[].targetGroupArn (TargetGroupArn in CloudFormation, target_group_arn in Terraform) instead of loadBalancerName.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/migrate-classic-load-balancer.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html",
  ],
  messages: {
    serviceUsesClassic:
      "load balancer {{index}} of the service names the Classic Load Balancer {{name}}: use an Application or Network Load Balancer and set targetGroupArn instead of loadBalancerName",
    classicResource:
      "{{name}} is a Classic Load Balancer (AWS::ElasticLoadBalancing::LoadBalancer): use an Application or Network Load Balancer (AWS::ElasticLoadBalancingV2::LoadBalancer) with a target group",
  },
  check: {
    service(service, { report }) {
      // ECS JSON and CloudFormation: loadBalancers / LoadBalancers; Terraform: load_balancer blocks.
      const items = [...service.props.objs("loadBalancers"), ...service.props.objs("loadBalancer")];
      items.forEach((item, index) => {
        const nameNode = item.get("loadBalancerName") ?? item.get("elbName");
        // Terraform plans write elb_name as null or "" when a target group is used.
        if (!nameNode || (nameNode.kind === "scalar" && (nameNode.value === "" || nameNode.value === null))) return;
        report(nameNode, "serviceUsesClassic", { index: index + 1, name: describeName(nameNode) });
      });
    },
    classicLoadBalancer(loadBalancer, { report }) {
      report(typeNode(loadBalancer), "classicResource", { name: `"${loadBalancer.name}"` });
    },
  },
});
