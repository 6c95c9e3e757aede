import rule from "./cluster-container-insights.js";
import { clusterTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "CreateCluster with Container Insights enabled",
      file: "cluster.json",
      code: `{
  "clusterName": "prod",
  "settings": [{ "name": "containerInsights", "value": "enabled" }]
}`,
    },
    {
      name: "CloudFormation enhanced observability",
      file: "stack.yaml",
      code: clusterTemplate(`
      ClusterSettings:
        - Name: containerInsights
          Value: enhanced
`),
    },
    {
      name: "CloudFormation value from a parameter",
      file: "stack.yaml",
      code: clusterTemplate(`
      ClusterSettings:
        - Name: containerInsights
          Value: !Ref Insights
`),
    },
  ],
  invalid: [
    {
      name: "CreateCluster without settings",
      file: "cluster.json",
      code: `{
  "clusterName": "prod"
}`,
      errors: [{ messageId: "missing", line: 2, column: 18 }],
    },
    {
      name: "describe-clusters output with Container Insights disabled",
      file: "clusters.json",
      code: `{
  "clusters": [
    {
      "clusterName": "prod",
      "settings": [{ "name": "containerInsights", "value": "disabled" }]
    }
  ]
}`,
      errors: [{ messageId: "off", line: 5, column: 60, message: '"disabled"' }],
    },
    {
      name: "CloudFormation cluster without ClusterSettings",
      file: "stack.yaml",
      code: clusterTemplate(`
      ClusterName: prod
`),
      errors: [{ messageId: "missing", line: 5, column: 20 }],
    },
  ],
});
