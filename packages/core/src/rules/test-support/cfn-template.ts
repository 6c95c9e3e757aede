// CloudFormation YAML templates of one resource, for rule cases. The text is the text a test would
// write by hand: the four header lines below, then `properties` as given, so positions in
// `errors` count as they always did: the first line of `properties` is line 5 of the file, and a
// property key directly under Properties: starts at column 7.
//
//   Resources:
//     Task:
//       Type: AWS::ECS::TaskDefinition
//       Properties:
//         NetworkMode: awsvpc          <- line 5
//
// `properties` may begin with a newline (so it reads as a block in the test); that one newline is
// not part of the template.

export function cfnTemplate(logicalId: string, type: string, properties: string): string {
  return cfnResources({ [logicalId]: { type, properties } });
}

/** A resource for cfnResources: its type, and its properties as cfnTemplate takes them. */
export interface CfnResource {
  type: string;
  properties: string;
}

/**
 * A template of several resources, in the object's order, each written as cfnTemplate writes its
 * one: a resource's properties start three lines below the previous resource's last line.
 */
export function cfnResources(resources: Record<string, CfnResource>): string {
  const blocks = Object.entries(resources).map(([logicalId, { type, properties }]) => {
    const body = properties.startsWith("\n") ? properties.slice(1) : properties;
    return `  ${logicalId}:\n    Type: ${type}\n    Properties:\n${body}`;
  });
  return `Resources:\n${blocks.join("")}`;
}

const resourceOf =
  (type: string) =>
  (properties: string): CfnResource => ({ type, properties });
export const ecsService = resourceOf("AWS::ECS::Service");
export const ecsTaskDefinition = resourceOf("AWS::ECS::TaskDefinition");
export const classicLoadBalancer = resourceOf("AWS::ElasticLoadBalancing::LoadBalancer");
export const targetGroup = resourceOf("AWS::ElasticLoadBalancingV2::TargetGroup");
export const scalableTarget = resourceOf("AWS::ApplicationAutoScaling::ScalableTarget");
export const scalingPolicy = resourceOf("AWS::ApplicationAutoScaling::ScalingPolicy");

/** An AWS::ECS::TaskDefinition named Task. */
export const taskDefinitionTemplate = (properties: string) =>
  cfnTemplate("Task", "AWS::ECS::TaskDefinition", properties);

/** An AWS::ECS::Service named Service. */
export const serviceTemplate = (properties: string) => cfnTemplate("Service", "AWS::ECS::Service", properties);

/** An AWS::ECR::Repository named Repo. */
export const repositoryTemplate = (properties: string) => cfnTemplate("Repo", "AWS::ECR::Repository", properties);

/** An AWS::ECS::Cluster named Cluster. */
export const clusterTemplate = (properties: string) => cfnTemplate("Cluster", "AWS::ECS::Cluster", properties);

/** An AWS::ApplicationAutoScaling::ScalableTarget named Target. */
export const scalableTargetTemplate = (properties: string) =>
  cfnTemplate("Target", "AWS::ApplicationAutoScaling::ScalableTarget", properties);

/** An AWS::ApplicationAutoScaling::ScalingPolicy named Policy. */
export const scalingPolicyTemplate = (properties: string) =>
  cfnTemplate("Policy", "AWS::ApplicationAutoScaling::ScalingPolicy", properties);
