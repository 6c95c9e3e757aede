import rule from "./autoscaling-target-tracking-metric.js";
import { cfnResources, scalableTarget, scalingPolicy, scalingPolicyTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "ECS CPU target tracking",
      file: "stack.yaml",
      code: scalingPolicyTemplate(`
      PolicyName: cpu60
      PolicyType: TargetTrackingScaling
      ServiceNamespace: ecs
      ScalableDimension: ecs:service:DesiredCount
      ResourceId: service/prod/web
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 60
        PredefinedMetricSpecification:
          PredefinedMetricType: ECSServiceAverageCPUUtilization
`),
    },
    {
      name: "ALB requests with a ResourceLabel from a Join, through ScalingTargetId",
      file: "stack.yaml",
      code: cfnResources({
        Target: scalableTarget(`
      ServiceNamespace: ecs
      MinCapacity: 1
      MaxCapacity: 4
`),
        Policy: scalingPolicy(`
      PolicyType: TargetTrackingScaling
      ScalingTargetId: !Ref Target
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: !Ref RequestsPerTask
        PredefinedMetricSpecification:
          PredefinedMetricType: ALBRequestCountPerTarget
          ResourceLabel: !Join ["/", [!GetAtt Alb.LoadBalancerFullName, !GetAtt Tg.TargetGroupFullName]]
`),
      }),
    },
    {
      name: "DynamoDB metric on a DynamoDB table is not this rule's business",
      file: "stack.yaml",
      code: scalingPolicyTemplate(`
      ServiceNamespace: dynamodb
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 70
        PredefinedMetricSpecification:
          PredefinedMetricType: DynamoDBReadCapacityUtilization
`),
    },
  ],
  invalid: [
    {
      name: "EC2 Auto Scaling metric on an ECS service, target 0",
      file: "stack.yaml",
      code: scalingPolicyTemplate(`
      ServiceNamespace: ecs
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 0
        PredefinedMetricSpecification:
          PredefinedMetricType: ASGAverageCPUUtilization
`),
      errors: [
        { messageId: "targetValueNotPositive", line: 7, column: 22 },
        { messageId: "notEcsMetric", line: 9, column: 33, message: '"ASGAverageCPUUtilization"' },
      ],
    },
    {
      name: "ALBRequestCountPerTarget without ResourceLabel",
      file: "stack.yaml",
      code: scalingPolicyTemplate(`
      ScalableDimension: ecs:service:DesiredCount
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 1000
        PredefinedMetricSpecification:
          PredefinedMetricType: ALBRequestCountPerTarget
`),
      errors: [{ messageId: "missingResourceLabel", line: 9, column: 11 }],
    },
    {
      name: "no metric and no target value",
      file: "stack.yaml",
      code: scalingPolicyTemplate(`
      ServiceNamespace: ecs
      TargetTrackingScalingPolicyConfiguration:
        ScaleInCooldown: 60
`),
      errors: [
        { messageId: "missingMetric", line: 7, column: 9 },
        { messageId: "missingTargetValue", line: 7, column: 9 },
      ],
    },
  ],
});
