import { ECRClient } from "@aws-sdk/client-ecr";
import { ECRPUBLICClient } from "@aws-sdk/client-ecr-public";
import { ECSClient } from "@aws-sdk/client-ecs";
import { nameFailedCalls } from "../call-names.js";
import { type AwsClientOptions, clientConfig } from "../client-config.js";

/** ECR Public's API lives in us-east-1 only, whatever region the images are used from. */
export const ECR_PUBLIC_API_REGION = "us-east-1";
/** The docker login server of every ECR Public repository. */
export const ECR_PUBLIC_REGISTRY = "public.ecr.aws";

export interface EcrClients {
  ecr: ECRClient;
  /** For the protected-images check: which images the services of ECS clusters run. */
  ecs: ECSClient;
}

/** ECR and ECS clients with the shared settings (adaptive retries, a timeout on every call). */
export function createEcrClients(options: AwsClientOptions): EcrClients {
  return {
    ecr: nameFailedCalls(new ECRClient(clientConfig(options))),
    ecs: nameFailedCalls(new ECSClient(clientConfig(options))),
  };
}

/** An ECR Public client; its region is always us-east-1. */
export function createEcrPublicClient(options: Omit<AwsClientOptions, "region"> = {}): ECRPUBLICClient {
  return nameFailedCalls(new ECRPUBLICClient(clientConfig({ ...options, region: ECR_PUBLIC_API_REGION })));
}

/** True when an SDK error is one of the named service exceptions. */
export function isAwsError(error: unknown, ...names: string[]): error is Error {
  return error instanceof Error && names.includes(error.name);
}

/** "registry 123456789012" or "the default registry", for messages. */
export function registryName(registryId: string | undefined): string {
  return registryId ? `registry ${registryId}` : "the default registry";
}
