import { type ECRClient, GetLifecyclePolicyCommand, PutLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import type { LifecyclePolicy } from "@shipshape/core";
import { isAwsError } from "./clients.js";
import type { RepositoryRef } from "./images.js";

/** Sets the repository's lifecycle policy (replacing any other). Validate it first: see readLifecyclePolicy. */
export async function putLifecyclePolicy(
  client: ECRClient,
  repository: RepositoryRef,
  policy: LifecyclePolicy,
): Promise<void> {
  await client.send(
    new PutLifecyclePolicyCommand({
      repositoryName: repository.repositoryName,
      registryId: repository.registryId,
      lifecyclePolicyText: JSON.stringify(policy),
    }),
  );
}

/** The repository's lifecycle policy as parsed JSON, or undefined when it has none. */
export async function getLifecyclePolicy(client: ECRClient, repository: RepositoryRef): Promise<unknown> {
  try {
    const response = await client.send(
      new GetLifecyclePolicyCommand({ repositoryName: repository.repositoryName, registryId: repository.registryId }),
    );
    return response.lifecyclePolicyText ? (JSON.parse(response.lifecyclePolicyText) as unknown) : undefined;
  } catch (error) {
    if (isAwsError(error, "LifecyclePolicyNotFoundException")) return undefined;
    throw error;
  }
}
