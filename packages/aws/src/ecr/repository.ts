import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  type ECRClient,
  ListTagsForResourceCommand,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  type Repository,
  TagResourceCommand,
} from "@aws-sdk/client-ecr";
import { isAwsError, registryName } from "./clients.js";
import { findRepositoryDrift, type RepositoryDrift, type RepositorySettings } from "./repository-settings.js";

export interface EnsuredRepository {
  repositoryName: string;
  repositoryUri: string;
  repositoryArn: string;
  registryId: string;
  created: boolean;
  /** Settings of an existing repository that differ from those asked (after any update). */
  drift: RepositoryDrift[];
  /** Drifted settings that were changed because `update` was asked. */
  updated: RepositoryDrift[];
}

export interface EnsureRepositoryOptions {
  /** Create the repository when it does not exist; otherwise a missing repository is an error. */
  create: boolean;
  /** Change the fixable drifted settings of an existing repository instead of only reporting them. */
  update?: boolean;
}

/** The repository, or undefined when the registry has none of that name. */
export async function describeRepository(
  client: ECRClient,
  repositoryName: string,
  registryId?: string,
): Promise<Repository | undefined> {
  try {
    const response = await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: [repositoryName], registryId }),
    );
    return response.repositories?.[0];
  } catch (error) {
    if (isAwsError(error, "RepositoryNotFoundException")) return undefined;
    throw error;
  }
}

/**
 * Makes sure the repository exists: creates it with the settings asked for, or, when it exists,
 * reports how its settings differ (and changes the fixable ones only when asked).
 */
export async function ensureRepository(
  client: ECRClient,
  settings: RepositorySettings,
  options: EnsureRepositoryOptions,
): Promise<EnsuredRepository> {
  const { repositoryName, registryId } = settings;
  const existing = await describeRepository(client, repositoryName, registryId);
  if (!existing) {
    if (!options.create) {
      throw new Error(
        `repository ${repositoryName} does not exist in ${registryName(registryId)}; set create-repository: true to create it`,
      );
    }
    const created = await createRepository(client, settings);
    return { ...identity(created), created: true, drift: [], updated: [] };
  }
  const drift = findRepositoryDrift(settings, existing, await repositoryTags(client, existing));
  const updated = options.update ? await updateRepository(client, settings, existing, drift) : [];
  return { ...identity(existing), created: false, drift: drift.filter((entry) => !updated.includes(entry)), updated };
}

async function createRepository(client: ECRClient, settings: RepositorySettings): Promise<Repository> {
  const { repositoryName, registryId } = settings;
  try {
    const response = await client.send(
      new CreateRepositoryCommand({
        repositoryName,
        registryId,
        imageScanningConfiguration: settings.scanOnPush === undefined ? undefined : { scanOnPush: settings.scanOnPush },
        imageTagMutability: settings.tagMutability,
        imageTagMutabilityExclusionFilters: exclusionFilters(settings),
        encryptionConfiguration: settings.encryption
          ? { encryptionType: settings.encryption, kmsKey: settings.kmsKey }
          : undefined,
        tags: Object.entries(settings.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    if (!response.repository) throw new Error(`CreateRepository ${repositoryName} returned no repository`);
    return response.repository;
  } catch (error) {
    // Another job created it between our describe and create: use theirs.
    if (!isAwsError(error, "RepositoryAlreadyExistsException")) throw error;
    const raced = await describeRepository(client, repositoryName, registryId);
    if (!raced) throw error;
    return raced;
  }
}

async function updateRepository(
  client: ECRClient,
  settings: RepositorySettings,
  existing: Repository,
  drift: RepositoryDrift[],
): Promise<RepositoryDrift[]> {
  const { repositoryName, registryId } = settings;
  const fixable = drift.filter((entry) => entry.fixable);
  const has = (...names: RepositoryDrift["setting"][]) => fixable.some((entry) => names.includes(entry.setting));
  if (has("scanOnPush")) {
    await client.send(
      new PutImageScanningConfigurationCommand({
        repositoryName,
        registryId,
        imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
      }),
    );
  }
  if (has("tagMutability", "tagMutabilityExclusions")) {
    await client.send(
      new PutImageTagMutabilityCommand({
        repositoryName,
        registryId,
        imageTagMutability: settings.tagMutability,
        imageTagMutabilityExclusionFilters: exclusionFilters(settings),
      }),
    );
  }
  if (has("tags")) {
    const tags = Object.entries(settings.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    await client.send(new TagResourceCommand({ resourceArn: existing.repositoryArn, tags }));
  }
  return fixable;
}

function exclusionFilters(settings: RepositorySettings) {
  if (!settings.tagMutability?.endsWith("_WITH_EXCLUSION")) return undefined;
  return (settings.tagMutabilityExclusions ?? []).map((filter) => ({ filterType: "WILDCARD" as const, filter }));
}

async function repositoryTags(client: ECRClient, repository: Repository): Promise<Record<string, string>> {
  const response = await client.send(new ListTagsForResourceCommand({ resourceArn: repository.repositoryArn }));
  return Object.fromEntries((response.tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
}

function identity(repository: Repository) {
  return {
    repositoryName: repository.repositoryName ?? "",
    repositoryUri: repository.repositoryUri ?? "",
    repositoryArn: repository.repositoryArn ?? "",
    registryId: repository.registryId ?? "",
  };
}
