import type { SourceFormat } from "../model/resources.js";

/**
 * The Terraform argument names (AWS provider) of the ECS API fields messages name. Container
 * fields are left alone: in container_definitions they keep the API's camelCase.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition,
 * ecs_service, ecs_cluster, ecr_repository, appautoscaling_policy
 */
const terraformNames: Record<string, string> = {
  "networkConfiguration.awsvpcConfiguration": "network_configuration",
  networkMode: "network_mode",
  executionRoleArn: "execution_role_arn",
  taskRoleArn: "task_role_arn",
  requiresCompatibilities: "requires_compatibilities",
  placementConstraints: "placement_constraints",
  placementStrategy: "ordered_placement_strategy",
  runtimePlatform: "runtime_platform",
  operatingSystemFamily: "operating_system_family",
  pidMode: "pid_mode",
  ipcMode: "ipc_mode",
  efsVolumeConfiguration: "efs_volume_configuration",
  transitEncryption: "transit_encryption",
  authorizationConfig: "authorization_config",
  accessPointId: "access_point_id",
  deploymentCircuitBreaker: "deployment_circuit_breaker",
  minimumHealthyPercent: "deployment_minimum_healthy_percent",
  maximumPercent: "deployment_maximum_percent",
  networkConfiguration: "network_configuration",
  awsvpcConfiguration: "network_configuration",
  assignPublicIp: "assign_public_ip",
  loadBalancers: "load_balancer",
  loadBalancerName: "elb_name",
  targetGroupArn: "target_group_arn",
  platformVersion: "platform_version",
  launchType: "launch_type",
  desiredCount: "desired_count",
  capacityProviderStrategy: "capacity_provider_strategy",
  defaultCapacityProviderStrategy: "default_capacity_provider_strategy",
  capacityProvider: "capacity_provider",
  clusterSettings: "setting",
  imageScanningConfiguration: "image_scanning_configuration",
  scanOnPush: "scan_on_push",
  imageTagMutability: "image_tag_mutability",
  encryptionConfiguration: "encryption_configuration",
  encryptionType: "encryption_type",
  kmsKey: "kms_key",
  minCapacity: "min_capacity",
  maxCapacity: "max_capacity",
  targetTrackingScalingPolicyConfiguration: "target_tracking_scaling_policy_configuration",
  predefinedMetricSpecification: "predefined_metric_specification",
  predefinedMetricType: "predefined_metric_type",
  customizedMetricSpecification: "customized_metric_specification",
  targetValue: "target_value",
};

const terraformPattern = new RegExp(
  `\\b(${Object.keys(terraformNames)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(".", "\\."))
    .join("|")})\\b`,
  "g",
);

/** A message in the words of the source it is about: Terraform's snake_case argument names for a .tf file or plan. */
export function inSourceTerms(message: string, format: SourceFormat): string {
  if (format !== "terraform") return message;
  return message.replace(terraformPattern, (name) => terraformNames[name] ?? name);
}
