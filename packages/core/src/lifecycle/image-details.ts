import { addImageInfo, columnsFromImages, type ImageColumns, ImageColumnsBuilder } from "./image-columns.js";
import { ImageDetailScanner } from "./internal-image-scanner.js";
import { decodeRange, forEachArrayElement } from "./internal-json-elements.js";
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
  if (!Array.isArray(list))
    return {
      images: [],
      problems: ['expected describe-images output ({"imageDetails": [...]}) or an array of image details'],
    };
  const images: ImageInfo[] = [];
  const problems: string[] = [];
  for (const [index, entry] of list.entries()) {
    const image = readImageDetail(entry, `${where}[${index}]`);
    if (typeof image === "string") problems.push(image);
    else images.push(image);
  }
  return { images, problems };
}

export interface ImageColumnsReading {
  columns: ImageColumns;
  /** What could not be read, naming the entry: `imageDetails[3]: imagePushedAt is missing`. */
  problems: string[];
  /** JSON.parse's message when the bytes are not JSON. */
  syntaxError?: string;
}

/**
 * readImageDetails from the file's UTF-8 bytes into columns (image-columns.ts), for
 * evaluateImageColumns: the same images and problems, with no object kept per image. A file of a
 * million images (~450 MB) never becomes one string nor one tree: each entry of imageDetails is
 * scanned from the bytes (internal-image-scanner.ts), or parsed on its own where the scan does not
 * take it. Bytes shaped otherwise are parsed whole and read by readImageDetails.
 */
export function readImageColumnsJson(bytes: Uint8Array): ImageColumnsReading {
  const builder = new ImageColumnsBuilder(1024);
  const scanner = new ImageDetailScanner(bytes);
  const problems: string[] = [];
  let index = 0;
  let where: string | undefined;
  try {
    where = forEachArrayElement(bytes, "imageDetails", (start, end) => {
      if (!scanner.scan(start, end, builder)) {
        const image = readImageDetail(JSON.parse(decodeRange(bytes, start, end)), `[${index}]`);
        if (typeof image === "string") problems.push(image);
        else addImageInfo(builder, image);
      }
      index++;
    });
  } catch {
    where = undefined;
  }
  if (where !== undefined)
    return { columns: builder.build(), problems: problems.map((problem) => `${where}${problem}`) };
  let whole: unknown;
  try {
    whole = JSON.parse(decodeRange(bytes, 0, bytes.length));
  } catch (error) {
    return { columns: columnsFromImages([]), problems: [], syntaxError: (error as Error).message };
  }
  const reading = readImageDetails(whole);
  return { columns: columnsFromImages(reading.images), problems: reading.problems };
}

/** One entry of imageDetails, or what is wrong with it, named `at`. */
function readImageDetail(entry: unknown, at: string): ImageInfo | string {
  const detail = (entry ?? {}) as Record<string, unknown>;
  const pushedAt = toTime(detail.imagePushedAt);
  if (typeof detail.imageDigest !== "string") return `${at}: imageDigest is missing`;
  if (!pushedAt) return `${at}: imagePushedAt is missing or not a time`;
  const tags = Array.isArray(detail.imageTags)
    ? detail.imageTags.filter((tag): tag is string => typeof tag === "string")
    : [];
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
  return image;
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
