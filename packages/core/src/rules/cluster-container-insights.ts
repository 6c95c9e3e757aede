import { defineRule } from "./define.js";

const ON = ["enabled", "enhanced"];

export default defineRule({
  id: "cluster-container-insights",
  title: "Clusters have Container Insights on",
  severity: "warning",
  description: 'A cluster\'s settings include containerInsights with the value "enabled" or "enhanced".',
  rationale:
    "CloudWatch Container Insights collects the CPU, memory, network and storage metrics of the cluster's services and tasks and diagnostic events such as container restarts; without it a failing or saturated service is hard to see and alarm on.",
  fix: "Add { name: containerInsights, value: enhanced } (or enabled) to the cluster's settings (ClusterSettings in CloudFormation, a setting block in Terraform). An account default set with PutAccountSetting also turns it on for new clusters, but saying it in the cluster keeps it explicit.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterSetting.html",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS-cluster.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12",
  ],
  peers: { checkov: "CKV_AWS_65", trivy: "AVD-AWS-0034", securityHub: "ECS.12", controlTower: "CT.ECS.PR.2", kics: "ECS Cluster with Container Insights Disabled" },
  messages: {
    missing:
      'the cluster does not turn on Container Insights: add the setting { name: containerInsights, value: enhanced } (or "enabled")',
    off: 'containerInsights is "{{value}}": set it to "enhanced" or "enabled"',
  },
  check: {
    cluster(cluster, { report }) {
      // ECS JSON: settings; CloudFormation: ClusterSettings; Terraform: setting blocks.
      const key = ["clusterSettings", "settings", "setting"].find((name) => cluster.props.has(name));
      const listNode = key ? cluster.props.get(key) : undefined;
      if (listNode && listNode.kind !== "seq" && listNode.kind !== "map") return; // an intrinsic
      const items = key ? cluster.props.objs(key) : [];
      if (listNode?.kind === "seq" && items.length !== listNode.items.length) return; // an item from an intrinsic
      let sawUnknownName = false;
      for (const item of items) {
        const name = item.str("name");
        if (name === undefined) {
          sawUnknownName = true;
          continue;
        }
        if (name.toLowerCase() !== "containerinsights") continue;
        const value = item.str("value");
        if (value === undefined) return; // an intrinsic
        if (!ON.includes(value.toLowerCase())) report(item.get("value") ?? item.node, "off", { value });
        return;
      }
      if (sawUnknownName) return;
      report(listNode ?? cluster.props.get("clusterName") ?? cluster.props.node, "missing");
    },
  },
});
