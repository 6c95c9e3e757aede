import { BatchGetImageCommand, type ECRClient, PutImageCommand } from "@aws-sdk/client-ecr";
import { isAwsError, registryName } from "./clients.js";

/**
 * Manifest types BatchGetImage may return as stored: single-platform images (Docker v2, OCI) and
 * multi-platform ones (manifest lists, OCI indexes). Without them ECR could convert the manifest,
 * and the new tag would name a different digest.
 */
export const MANIFEST_MEDIA_TYPES = [
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json",
];

export interface RetagRequest {
  repositoryName: string;
  registryId?: string;
  /** The tag the image has now. */
  sourceTag: string;
  /** The tags to add to it. */
  targetTags: string[];
}

export interface RetagResult {
  imageDigest: string;
  imageManifestMediaType?: string;
  /** Tags that PutImage added. */
  added: string[];
  /** Tags that already named this image (ImageAlreadyExistsException): nothing to do. */
  alreadyPresent: string[];
}

/**
 * Adds tags to an image in ECR without pulling it: BatchGetImage reads the manifest, PutImage
 * stores the same manifest, with the same media type, under each new tag.
 */
export async function retagImage(client: ECRClient, request: RetagRequest): Promise<RetagResult> {
  const { repositoryName, registryId, sourceTag } = request;
  const response = await client.send(
    new BatchGetImageCommand({
      repositoryName,
      registryId,
      imageIds: [{ imageTag: sourceTag }],
      acceptedMediaTypes: MANIFEST_MEDIA_TYPES,
    }),
  );
  const image = response.images?.[0];
  if (!image?.imageManifest) {
    const reason = response.failures?.[0]?.failureReason ?? "no such image";
    throw new Error(`cannot retag ${repositoryName}:${sourceTag} in ${registryName(registryId)}: ${reason}`);
  }
  const imageDigest = image.imageId?.imageDigest ?? "";
  const result: RetagResult = { imageDigest, added: [], alreadyPresent: [] };
  if (image.imageManifestMediaType) result.imageManifestMediaType = image.imageManifestMediaType;
  for (const imageTag of request.targetTags) {
    try {
      await client.send(
        new PutImageCommand({
          repositoryName,
          registryId,
          imageTag,
          imageManifest: image.imageManifest,
          imageManifestMediaType: image.imageManifestMediaType,
          imageDigest: imageDigest || undefined,
        }),
      );
      result.added.push(imageTag);
    } catch (error) {
      if (isAwsError(error, "ImageAlreadyExistsException")) {
        result.alreadyPresent.push(imageTag);
      } else if (isAwsError(error, "ImageTagAlreadyExistsException")) {
        throw new Error(
          `cannot tag ${repositoryName}:${sourceTag} as ${imageTag}: the tag names another image and the repository's tags are immutable`,
        );
      } else {
        throw error;
      }
    }
  }
  return result;
}
