import rule from "./no-classic-load-balancer.js";
import { cfnResources, classicLoadBalancer, ecsService, serviceTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "service behind a target group",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 80 }
  ]
}`,
    },
    {
      name: "CloudFormation target group from a reference",
      file: "stack.yaml",
      code: serviceTemplate(`
      LoadBalancers:
        - TargetGroupArn: !Ref TargetGroup
          ContainerName: web
          ContainerPort: 80
`),
    },
    {
      name: "service without a load balancer",
      file: "service.json",
      code: `{ "serviceName": "worker", "desiredCount": 1 }`,
    },
  ],
  invalid: [
    {
      name: "service naming a Classic Load Balancer",
      file: "service.json",
      code: `{
  "serviceName": "web",
  "loadBalancers": [
    { "loadBalancerName": "web-elb", "containerName": "web", "containerPort": 80 }
  ]
}`,
      errors: [{ messageId: "serviceUsesClassic", line: 4, column: 27, message: '"web-elb"' }],
    },
    {
      name: "CloudFormation Classic Load Balancer resource and a service using it",
      file: "stack.yaml",
      code: cfnResources({
        Elb: classicLoadBalancer(`
      Listeners:
        - LoadBalancerPort: "80"
          InstancePort: "80"
          Protocol: HTTP
`),
        Service: ecsService(`
      LoadBalancers:
        - LoadBalancerName: !Ref Elb
          ContainerName: web
          ContainerPort: 80
`),
      }),
      errors: [
        { messageId: "classicResource", line: 3, column: 11, message: '"Elb"' },
        { messageId: "serviceUsesClassic", line: 13, column: 29, message: "!Ref Elb" },
      ],
    },
  ],
});
