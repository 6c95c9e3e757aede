import type { ImageInfo, StorageClass } from "./types.js";

export interface ImageDetailsReading {
  images: ImageInfo[];
  /** What could not be read, naming the entry: `imageDetails[3]: imagePushedAt is missing`. */
  problems: string[];
}

/**
 * Images from `aws ecr describe-images` output (`{"imageDetails": [...]}`) or a bare array of
 * those objects. The CLI prints times as ISO strings, or as epoch seconds in some versions.
 */
export function readImageDetails(raw: unknown): ImageDetailsReading {
  const list = Array.isArray(raw) ? raw : (raw as { imageDetails?: unknown } | null)?.imageDetails;
  const where = Array.isArray(raw) ? "" : "imageDetails";
  if (!Array.isArray(list)) return { images: [], problems: ['expected describe-images output ({"imageDetails": [...]}) or an array of image details'] };
  const images: ImageInfo[] = [];
  const problems: string[] = [];
  for (const [index, entry] of list.entries()) {
    const at = `${where}[${index}]`;
    const detail = (entry ?? {}) as Record<string, unknown>;
    const pushedAt = toTime(detail.imagePushedAt);
    if (typeof detail.imageDigest !== "string") {
      problems.push(`${at}: imageDigest is missing`);
      continue;
    }
    if (!pushedAt) {
      problems.push(`${at}: imagePushedAt is missing or not a time`);
      continue;
    }
    const tags = Array.isArray(detail.imageTags) ? detail.imageTags.filter((tag): tag is string => typeof tag === "string") : [];
    const image: ImageInfo = { imageDigest: detail.imageDigest, imageTags: tags, imagePushedAt: pushedAt };
    const pulledAt = toTime(detail.lastRecordedPullTime);
    if (pulledAt) image.lastRecordedPullTime = pulledAt;
    const archivedAt = toTime(detail.lastArchivedAt);
    if (archivedAt) image.lastArchivedAt = archivedAt;
    const activatedAt = toTime(detail.lastActivatedAt);
    if (activatedAt) image.lastActivatedAt = activatedAt;
    const status = detail.imageStatus;
    if (status === "ACTIVE" || status === "ARCHIVED" || status === "ACTIVATING") image.imageStatus = status;
    const storageClass = typeof detail.storageClass === "string" ? detail.storageClass.toLowerCase() : undefined;
    if (storageClass === "standard" || storageClass === "archive") image.storageClass = storageClass as StorageClass;
    else if (status === "ARCHIVED") image.storageClass = "archive";
    images.push(image);
  }
  return { images, problems };
}

function toTime(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value === "string" && value !== "") {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  return undefined;
}
