import { type ECRClient, type ImageDetail, paginateDescribeImages } from "@aws-sdk/client-ecr";
import { addImageInfo, type ImageColumns, ImageColumnsBuilder, type ImageInfo } from "@shipshape/core";

export interface RepositoryRef {
  repositoryName: string;
  registryId?: string;
}

/** DescribeImages' largest page. */
const PAGE_SIZE = 1000;

/**
 * Every image of a repository, in both storage classes (DescribeImages alone returns only ACTIVE
 * images), following nextToken through all pages, as columns (ImageColumns): each page's entries
 * are appended as they arrive and the page dropped, so a repository of a million images never
 * holds an object per image.
 */
export async function listImageColumns(client: ECRClient, repository: RepositoryRef): Promise<ImageColumns> {
  const builder = new ImageColumnsBuilder();
  const pages = paginateDescribeImages(
    { client, pageSize: PAGE_SIZE },
    { repositoryName: repository.repositoryName, registryId: repository.registryId, filter: { imageStatus: "ANY" } },
  );
  for await (const page of pages) addImageDetails(builder, page.imageDetails ?? []);
  return builder.build();
}

/** Appends a DescribeImages page's entries to the columns, in order, but those toImageInfo skips. */
export function addImageDetails(builder: ImageColumnsBuilder, details: readonly ImageDetail[]): void {
  for (const detail of details) {
    const image = toImageInfo(detail);
    if (image) addImageInfo(builder, image);
  }
}

/** One DescribeImages entry as the lifecycle evaluator reads it; undefined without digest or push time. */
export function toImageInfo(detail: ImageDetail): ImageInfo | undefined {
  if (!detail.imageDigest || !detail.imagePushedAt) return undefined;
  const image: ImageInfo = {
    imageDigest: detail.imageDigest,
    imageTags: detail.imageTags ?? [],
    imagePushedAt: detail.imagePushedAt,
  };
  if (detail.lastRecordedPullTime) image.lastRecordedPullTime = detail.lastRecordedPullTime;
  if (detail.lastArchivedAt) image.lastArchivedAt = detail.lastArchivedAt;
  if (detail.lastActivatedAt) image.lastActivatedAt = detail.lastActivatedAt;
  if (detail.imageStatus) {
    image.imageStatus = detail.imageStatus;
    if (detail.imageStatus === "ARCHIVED") image.storageClass = "archive";
  }
  return image;
}
