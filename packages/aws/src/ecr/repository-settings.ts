import type { ImageTagMutability, Repository } from "@aws-sdk/client-ecr";

export type TagMutability = ImageTagMutability;
export type EncryptionType = "AES256" | "KMS" | "KMS_DSSE";

/** What a repository should look like; a setting left out is neither set nor checked. */
export interface RepositorySettings {
  repositoryName: string;
  /** The account of the registry; the caller's own when absent. */
  registryId?: string;
  scanOnPush?: boolean;
  tagMutability?: TagMutability;
  /** Wildcard filters (`release-*`) for the *_WITH_EXCLUSION mutabilities: tags that behave the other way. */
  tagMutabilityExclusions?: string[];
  encryption?: EncryptionType;
  /** A KMS key id, alias or ARN, with KMS or KMS_DSSE; AWS's managed key when absent. */
  kmsKey?: string;
  tags?: Record<string, string>;
}

export type DriftedSetting =
  | "scanOnPush"
  | "tagMutability"
  | "tagMutabilityExclusions"
  | "encryption"
  | "kmsKey"
  | "tags";

/** A setting of an existing repository that differs from what was asked. */
export interface RepositoryDrift {
  setting: DriftedSetting;
  expected: string;
  actual: string;
  /** False for encryption: ECR cannot change it after the repository was created. */
  fixable: boolean;
}

/** Compares an existing repository (DescribeRepositories, plus its tags) with the settings asked for. */
export function findRepositoryDrift(
  settings: RepositorySettings,
  repository: Repository,
  actualTags: Record<string, string>,
): RepositoryDrift[] {
  const drift: RepositoryDrift[] = [];
  const add = (setting: DriftedSetting, expected: string, actual: string, fixable = true) => {
    if (expected !== actual) drift.push({ setting, expected, actual, fixable });
  };
  if (settings.scanOnPush !== undefined) {
    add("scanOnPush", String(settings.scanOnPush), String(repository.imageScanningConfiguration?.scanOnPush ?? false));
  }
  if (settings.tagMutability !== undefined) {
    add("tagMutability", settings.tagMutability, repository.imageTagMutability ?? "MUTABLE");
    if (settings.tagMutability.endsWith("_WITH_EXCLUSION")) {
      const actualFilters = (repository.imageTagMutabilityExclusionFilters ?? []).map((entry) => entry.filter ?? "");
      add("tagMutabilityExclusions", sortedList(settings.tagMutabilityExclusions ?? []), sortedList(actualFilters));
    }
  }
  if (settings.encryption !== undefined) {
    add("encryption", settings.encryption, repository.encryptionConfiguration?.encryptionType ?? "AES256", false);
    const actualKey = repository.encryptionConfiguration?.kmsKey ?? "";
    if (settings.kmsKey && !sameKmsKey(settings.kmsKey, actualKey))
      add("kmsKey", settings.kmsKey, actualKey || "(AWS managed key)", false);
  }
  const wrongTags = Object.entries(settings.tags ?? {}).filter(([key, value]) => actualTags[key] !== value);
  if (wrongTags.length > 0) {
    const show = (entries: [string, string | undefined][]) =>
      entries.map(([key, value]) => `${key}=${value ?? "(missing)"}`).join(", ");
    add("tags", show(wrongTags), show(wrongTags.map(([key]) => [key, actualTags[key]])));
  }
  return drift;
}

function sortedList(values: string[]): string {
  return [...values].sort().join(", ") || "(none)";
}

/**
 * DescribeRepositories reports the key's ARN; the input may be an ARN or a key id. An alias can
 * only be compared by resolving it, which needs KMS: treat it as matching.
 */
function sameKmsKey(asked: string, actualArn: string): boolean {
  if (asked.startsWith("alias/") || asked.includes(":alias/")) return true;
  return asked === actualArn || actualArn.endsWith(`:key/${asked}`);
}

/** "scanOnPush is false, expected true" for logs and summaries. */
export function describeDrift(drift: RepositoryDrift): string {
  const note = drift.fixable ? "" : " (ECR cannot change this on an existing repository)";
  return `${drift.setting} is ${drift.actual}, expected ${drift.expected}${note}`;
}
