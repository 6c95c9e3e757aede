import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  type ECSClient,
  paginateListServices,
  type Service,
} from "@aws-sdk/client-ecs";
import { isAwsError } from "./clients.js";

/** One container image that an ECS service runs (or is deploying). */
export interface ImageUse {
  cluster: string;
  service: string;
  taskDefinition: string;
  container: string;
  /** As the task definition writes it: `<registry>/<repo>:<tag>`, `...@sha256:...`, or both. */
  image: string;
}

/** DescribeServices takes at most 10 services per call. */
const SERVICES_PER_CALL = 10;

/**
 * The images the services of the given clusters use: each service's current task definition and
 * those of its deployments and task sets still in flight (a rollout can fall back to them).
 */
export async function findImagesInUse(client: ECSClient, clusters: string[]): Promise<ImageUse[]> {
  const containersByTaskDefinition = new Map<string, Promise<{ name: string; image: string }[]>>();
  const containersOf = (taskDefinition: string) => {
    let containers = containersByTaskDefinition.get(taskDefinition);
    if (!containers) {
      containers = describeContainers(client, taskDefinition);
      containersByTaskDefinition.set(taskDefinition, containers);
    }
    return containers;
  };

  const uses: ImageUse[] = [];
  for (const cluster of clusters) {
    for (const service of await describeAllServices(client, cluster)) {
      for (const taskDefinition of taskDefinitionsOf(service)) {
        for (const container of await containersOf(taskDefinition)) {
          uses.push({
            cluster,
            service: service.serviceName ?? "",
            taskDefinition,
            container: container.name,
            image: container.image,
          });
        }
      }
    }
  }
  return uses;
}

async function describeAllServices(client: ECSClient, cluster: string): Promise<Service[]> {
  const arns: string[] = [];
  try {
    for await (const page of paginateListServices({ client, pageSize: 100 }, { cluster }))
      arns.push(...(page.serviceArns ?? []));
  } catch (error) {
    if (isAwsError(error, "ClusterNotFoundException"))
      throw new Error(`protect-clusters: ECS cluster ${cluster} not found`);
    throw error;
  }
  const services: Service[] = [];
  for (let start = 0; start < arns.length; start += SERVICES_PER_CALL) {
    const response = await client.send(
      new DescribeServicesCommand({ cluster, services: arns.slice(start, start + SERVICES_PER_CALL) }),
    );
    services.push(...(response.services ?? []).filter((service) => service.status !== "INACTIVE"));
  }
  return services;
}

function taskDefinitionsOf(service: Service): string[] {
  const arns = [
    service.taskDefinition,
    ...(service.deployments ?? []).map((deployment) => deployment.taskDefinition),
    ...(service.taskSets ?? []).map((taskSet) => taskSet.taskDefinition),
  ];
  return [...new Set(arns.filter((arn): arn is string => Boolean(arn)))];
}

async function describeContainers(client: ECSClient, taskDefinition: string) {
  const response = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
  return (response.taskDefinition?.containerDefinitions ?? [])
    .filter((container) => container.image)
    .map((container) => ({ name: container.name ?? "", image: container.image ?? "" }));
}
