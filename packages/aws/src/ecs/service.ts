// A service's current state, the UpdateService call of a deploy, and rolling back to a previous revision.
import {
  ClusterNotFoundException,
  type Deployment,
  type DeploymentConfiguration,
  DescribeServicesCommand,
  type ECSClient,
  type Service,
  UpdateServiceCommand,
  type UpdateServiceCommandInput,
} from "@aws-sdk/client-ecs";
import { DEFAULT_MAXIMUM_PERCENT, DEFAULT_MINIMUM_HEALTHY_PERCENT } from "@shipshape/core";

/** What a deploy sets besides the task definition; anything left out keeps the service's value. */
export interface DeploymentSettings {
  desiredCount?: number;
  minimumHealthyPercent?: number;
  maximumPercent?: number;
  /** The deployment circuit breaker: enable it, and roll back to the last completed deployment when it trips. */
  circuitBreaker?: { enable: boolean; rollback: boolean };
  /** CloudWatch alarm names that fail the deployment; they roll back when the circuit breaker does. */
  alarms?: string[];
  forceNewDeployment?: boolean;
}

export interface ServiceRef {
  cluster: string;
  service: string;
}

/**
 * The service, or an Error that says which of cluster and service is missing, or that its
 * deployment controller is not one of `controllers` (default ECS).
 */
export async function describeService(
  ecs: ECSClient,
  { cluster, service }: ServiceRef,
  options: { controllers?: readonly string[]; abortSignal?: AbortSignal } = {},
): Promise<Service> {
  let response: Awaited<ReturnType<typeof sendDescribe>>;
  try {
    response = await sendDescribe(ecs, cluster, service, options.abortSignal);
  } catch (error) {
    if (error instanceof ClusterNotFoundException) throw new Error(`cluster "${cluster}" was not found`);
    throw error;
  }
  const found = response.services?.[0];
  if (!found || found.status === "INACTIVE") {
    const reason = response.failures?.[0]?.reason;
    throw new Error(`service "${service}" was not found in cluster "${cluster}"${reason ? ` (${reason})` : ""}`);
  }
  if (found.status === "DRAINING") throw new Error(`service "${service}" is being deleted (status DRAINING)`);
  const controller = found.deploymentController?.type ?? "ECS";
  if (!(options.controllers ?? ["ECS"]).includes(controller)) {
    throw new Error(
      `service "${service}" uses the ${controller} deployment controller; this action deploys services that use ECS rolling updates (deploymentController ECS)`,
    );
  }
  return found;
}

function sendDescribe(ecs: ECSClient, cluster: string, service: string, abortSignal: AbortSignal | undefined) {
  return ecs.send(new DescribeServicesCommand({ cluster, services: [service] }), abortSignal ? { abortSignal } : {});
}

/** desiredCount and the percents the service will deploy with: the settings, else the service's, else ECS's defaults. */
export function effectiveDeploymentSettings(service: Service, settings: DeploymentSettings) {
  const current = service.deploymentConfiguration;
  return {
    desiredCount: settings.desiredCount ?? service.desiredCount ?? 0,
    minimumHealthyPercent:
      settings.minimumHealthyPercent ?? current?.minimumHealthyPercent ?? DEFAULT_MINIMUM_HEALTHY_PERCENT,
    maximumPercent: settings.maximumPercent ?? current?.maximumPercent ?? DEFAULT_MAXIMUM_PERCENT,
  };
}

/**
 * The UpdateService input of a deploy. The deployment configuration starts from the service's
 * own, so settings the deploy does not name (alarms, strategy, thresholds) stay as they are.
 */
export function updateServiceInput(
  ref: ServiceRef,
  current: Service,
  taskDefinitionArn: string,
  settings: DeploymentSettings,
): UpdateServiceCommandInput {
  if (settings.desiredCount !== undefined && current.schedulingStrategy === "DAEMON") {
    throw new Error(`service "${ref.service}" uses the DAEMON scheduling strategy: it has no desired count to set`);
  }
  const configuration: DeploymentConfiguration = { ...current.deploymentConfiguration };
  if (settings.minimumHealthyPercent !== undefined)
    configuration.minimumHealthyPercent = settings.minimumHealthyPercent;
  if (settings.maximumPercent !== undefined) configuration.maximumPercent = settings.maximumPercent;
  if (settings.circuitBreaker) {
    configuration.deploymentCircuitBreaker = { ...configuration.deploymentCircuitBreaker, ...settings.circuitBreaker };
  }
  if (settings.alarms && settings.alarms.length > 0) {
    configuration.alarms = {
      alarmNames: settings.alarms,
      enable: true,
      rollback: settings.circuitBreaker?.rollback ?? configuration.deploymentCircuitBreaker?.rollback ?? false,
    };
  }
  return {
    cluster: ref.cluster,
    service: ref.service,
    taskDefinition: taskDefinitionArn,
    ...(settings.desiredCount !== undefined ? { desiredCount: settings.desiredCount } : {}),
    ...(Object.keys(configuration).length > 0 ? { deploymentConfiguration: configuration } : {}),
    ...(settings.forceNewDeployment ? { forceNewDeployment: true } : {}),
  };
}

export interface ServiceUpdate {
  service: Service;
  /** The PRIMARY deployment right after the update: the one this deploy started (or the running one, when nothing changed). */
  deployment: Deployment | undefined;
}

export async function updateService(ecs: ECSClient, input: UpdateServiceCommandInput): Promise<ServiceUpdate> {
  let service: Service | undefined;
  try {
    service = (await ecs.send(new UpdateServiceCommand(input))).service;
  } catch (error) {
    throw new Error(`ECS refused to update service ${input.service}: ${(error as Error).message}`, { cause: error });
  }
  if (!service) throw new Error(`UpdateService of ${input.service} returned no service`);
  return { service, deployment: primaryDeployment(service) };
}

export function primaryDeployment(service: Service): Deployment | undefined {
  return service.deployments?.find((deployment) => deployment.status === "PRIMARY");
}

/** Points the service back at `taskDefinitionArn` (the revision it ran before the deploy). */
export async function rollBackService(
  ecs: ECSClient,
  ref: ServiceRef,
  taskDefinitionArn: string,
): Promise<ServiceUpdate> {
  return updateService(ecs, { cluster: ref.cluster, service: ref.service, taskDefinition: taskDefinitionArn });
}
