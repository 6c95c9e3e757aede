import type { Rule } from "./define.js";
import autoscalingCapacityRange from "./autoscaling-capacity-range.js";
import autoscalingTargetTrackingMetric from "./autoscaling-target-tracking-metric.js";
import awsvpcHostPort from "./awsvpc-host-port.js";
import awsvpcLinksHostname from "./awsvpc-links-hostname.js";
import awsvpcServiceNetworkConfiguration from "./awsvpc-service-network-configuration.js";
import blueGreenLoadBalancerConfig from "./blue-green-load-balancer-config.js";
import capacityProviderOnDemandBase from "./capacity-provider-on-demand-base.js";
import clusterContainerInsights from "./cluster-container-insights.js";
import clusterExecCommandLogging from "./cluster-exec-command-logging.js";
import containerMemoryExceedsTask from "./container-memory-exceeds-task.js";
import containerMemoryMissing from "./container-memory-missing.js";
import containerRunsAsRoot from "./container-runs-as-root.js";
import deploymentCannotProgress from "./deployment-cannot-progress.js";
import deploymentCircuitBreaker from "./deployment-circuit-breaker.js";
import deploymentLifecycleHooks from "./deployment-lifecycle-hooks.js";
import deploymentStrategySettings from "./deployment-strategy-settings.js";
import duplicateContainerPort from "./duplicate-container-port.js";
import dynamicHostPortHealthCheck from "./dynamic-host-port-health-check.js";
import ecrKmsEncryption from "./ecr-kms-encryption.js";
import ecrLifecyclePolicyPresent from "./ecr-lifecycle-policy-present.js";
import ecrRepositoryPolicyPublic from "./ecr-repository-policy-public.js";
import ecrScanOnPush from "./ecr-scan-on-push.js";
import ecrTagImmutability from "./ecr-tag-immutability.js";
import efsTransitEncryption from "./efs-transit-encryption.js";
import essentialContainer from "./essential-container.js";
import executionRoleRequired from "./execution-role-required.js";
import fargateCpuMemory from "./fargate-cpu-memory.js";
import fargateHostVolume from "./fargate-host-volume.js";
import fargatePlacementConstraints from "./fargate-placement-constraints.js";
import fargatePlatformVersion from "./fargate-platform-version.js";
import fargateRequiresAwsvpc from "./fargate-requires-awsvpc.js";
import fargateServiceLaunchCompatibility from "./fargate-service-launch-compatibility.js";
import fargateServiceSchedulingStrategy from "./fargate-service-scheduling-strategy.js";
import healthCheckMissing from "./health-check-missing.js";
import hostNamespaceMode from "./host-namespace-mode.js";
import hostNetworkMode from "./host-network-mode.js";
import imageDigestPinned from "./image-digest-pinned.js";
import imageTagPinned from "./image-tag-pinned.js";
import lifecyclePolicyValid from "./lifecycle-policy-valid.js";
import linuxCapabilitiesAdded from "./linux-capabilities-added.js";
import logConfiguration from "./log-configuration.js";
import networkConfigurationWithoutAwsvpc from "./network-configuration-without-awsvpc.js";
import noClassicLoadBalancer from "./no-classic-load-balancer.js";
import noPlaintextSecrets from "./no-plaintext-secrets.js";
import placementConstraintExpression from "./placement-constraint-expression.js";
import placementStrategyValid from "./placement-strategy-valid.js";
import privilegedContainer from "./privileged-container.js";
import readOnlyRootFilesystem from "./read-only-root-filesystem.js";
import secretSourceInvalid from "./secret-source-invalid.js";
import serviceAssignsPublicIp from "./service-assigns-public-ip.js";
import serviceRoleWithAwsvpc from "./service-role-with-awsvpc.js";
import taskRoleSameAsExecutionRole from "./task-role-same-as-execution-role.js";
import tooManyContainers from "./too-many-containers.js";

/** Every rule, in catalogue order: secrets, networking, Fargate, containers, images, services, scaling, ECR. */
export const allRules: readonly Rule[] = [
  noPlaintextSecrets,
  secretSourceInvalid,
  executionRoleRequired,
  taskRoleSameAsExecutionRole,
  fargateRequiresAwsvpc,
  awsvpcServiceNetworkConfiguration,
  networkConfigurationWithoutAwsvpc,
  serviceRoleWithAwsvpc,
  hostNetworkMode,
  noClassicLoadBalancer,
  dynamicHostPortHealthCheck,
  fargateCpuMemory,
  awsvpcHostPort,
  fargateHostVolume,
  fargatePlacementConstraints,
  fargatePlatformVersion,
  fargateServiceLaunchCompatibility,
  fargateServiceSchedulingStrategy,
  essentialContainer,
  tooManyContainers,
  containerMemoryExceedsTask,
  containerMemoryMissing,
  duplicateContainerPort,
  awsvpcLinksHostname,
  logConfiguration,
  healthCheckMissing,
  efsTransitEncryption,
  imageTagPinned,
  imageDigestPinned,
  privilegedContainer,
  readOnlyRootFilesystem,
  containerRunsAsRoot,
  hostNamespaceMode,
  linuxCapabilitiesAdded,
  deploymentCannotProgress,
  deploymentCircuitBreaker,
  deploymentStrategySettings,
  blueGreenLoadBalancerConfig,
  deploymentLifecycleHooks,
  serviceAssignsPublicIp,
  placementStrategyValid,
  placementConstraintExpression,
  capacityProviderOnDemandBase,
  clusterContainerInsights,
  clusterExecCommandLogging,
  autoscalingCapacityRange,
  autoscalingTargetTrackingMetric,
  ecrScanOnPush,
  ecrTagImmutability,
  ecrKmsEncryption,
  ecrRepositoryPolicyPublic,
  ecrLifecyclePolicyPresent,
  lifecyclePolicyValid,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
