import { describeRepository, type EcrClients, ensureRepository, describeDrift, retagImage } from "@shipshape/aws";
import * as core from "@actions/core";
import type { Inputs } from "./context.js";
import { dockerPush } from "./docker.js";
import type { RepositoryReport, StepReport, TagReport } from "./step-report.js";

/**
 * The repository's URI: created or checked when create-repository is true (drift is reported,
 * and changed only with update-repository), described otherwise.
 */
export async function resolveRepository(
  inputs: Inputs,
  clients: EcrClients,
  registryId: string | undefined,
): Promise<RepositoryReport> {
  if (!inputs.createRepository) {
    const found = await describeRepository(clients.ecr, inputs.repository, registryId);
    if (!found?.repositoryUri) {
      throw new Error(`repository ${inputs.repository} not found; set create-repository: true to create it`);
    }
    return { uri: found.repositoryUri, created: false, drift: [], updated: [] };
  }
  const ensured = await ensureRepository(
    clients.ecr,
    {
      repositoryName: inputs.repository,
      ...(registryId ? { registryId } : {}),
      scanOnPush: inputs.scanOnPush,
      tagMutability: inputs.tagMutability,
      tagMutabilityExclusions: inputs.tagMutabilityExclusions,
      encryption: inputs.encryption,
      ...(inputs.kmsKey ? { kmsKey: inputs.kmsKey } : {}),
      tags: inputs.repositoryTags,
    },
    { create: true, update: inputs.updateRepository },
  );
  core.info(`${ensured.created ? "Created" : "Found"} repository ${ensured.repositoryUri}`);
  for (const drift of ensured.drift) core.warning(`repository ${inputs.repository}: ${describeDrift(drift)}`);
  for (const drift of ensured.updated)
    core.info(`repository ${inputs.repository}: set ${drift.setting} to ${drift.expected}`);
  return {
    uri: ensured.repositoryUri,
    created: ensured.created,
    drift: ensured.drift.map(describeDrift),
    updated: ensured.updated.map((drift) => `${drift.setting} set to ${drift.expected}`),
  };
}

/**
 * Pushes the local image under each tag, adding each to `report` as soon as it is pushed, so a
 * cancel part-way leaves the report (and the summary) with what was pushed.
 */
export async function pushTags(
  localImage: string,
  repositoryUri: string,
  tags: string[],
  report: StepReport,
  signal?: AbortSignal,
): Promise<void> {
  for (const tag of tags) {
    const imageUri = `${repositoryUri}:${tag}`;
    report.phase = `pushing ${localImage} as ${imageUri}`;
    const digest = await dockerPush(localImage, imageUri, signal);
    core.info(`Pushed ${imageUri} (${digest})`);
    report.tags.push({ tag, imageUri, digest, how: "pushed" });
  }
}

/** Gives the image that source-tag names each of the tags, in ECR, without pulling it. */
export async function retagInEcr(
  inputs: Inputs,
  clients: EcrClients,
  registryId: string | undefined,
  repositoryUri: string,
): Promise<TagReport[]> {
  const result = await retagImage(clients.ecr, {
    repositoryName: inputs.repository,
    ...(registryId ? { registryId } : {}),
    sourceTag: inputs.sourceTag,
    targetTags: inputs.tags,
  });
  return inputs.tags.map((tag) => {
    const how = result.alreadyPresent.includes(tag) ? "already tagged" : `retagged from ${inputs.sourceTag}`;
    core.info(`${repositoryUri}:${tag}: ${how} (${result.imageDigest})`);
    return { tag, imageUri: `${repositoryUri}:${tag}`, digest: result.imageDigest, how };
  });
}
