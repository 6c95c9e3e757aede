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

/**
 * readImageDetails from the file's UTF-8 bytes, one entry parsed at a time: a file of a million
 * images (~450 MB) never becomes one string nor one tree. `syntaxError` is JSON.parse's message
 * when the bytes are not JSON.
 */
export function readImageDetailsJson(bytes: Uint8Array): ImageDetailsReading & { syntaxError?: string } {
  const images: ImageInfo[] = [];
  const reading = readEachImageDetail(bytes, (image) => images.push(image));
  if ("fallback" in reading) return readImageDetails(reading.fallback);
  if (reading.syntaxError !== undefined) return { images: [], problems: [], syntaxError: reading.syntaxError };
  return { images, problems: reading.problems };
}

export interface ImageColumnsReading {
  columns: ImageColumns;
  /** What could not be read, naming the entry: `imageDetails[3]: imagePushedAt is missing`. */
  problems: string[];
  /** JSON.parse's message when the bytes are not JSON. */
  syntaxError?: string;
}

/**
 * readImageDetailsJson into columns (image-columns.ts): the same images and problems, with no
 * object kept per image, for evaluateImageColumns.
 */
export function readImageColumnsJson(bytes: Uint8Array): ImageColumnsReading {
  const builder = new ImageColumnsBuilder(1024);
  const scanner = new ImageDetailScanner(bytes);
  const reading = readEachImageDetail(
    bytes,
    (image) => addImageInfo(builder, image),
    (start, end) => scanner.scan(start, end, builder),
  );
  if ("fallback" in reading) {
    const { images, problems } = readImageDetails(reading.fallback);
    return { columns: columnsFromImages(images), problems };
  }
  if (reading.syntaxError !== undefined)
    return { columns: columnsFromImages([]), problems: [], syntaxError: reading.syntaxError };
  return { columns: builder.build(), problems: reading.problems };
}

/**
 * Hands every readable entry of the file's imageDetails to `onImage` (or to `scanEntry`, which
 * reads it from the bytes itself when it can) and returns the problems;
 * or, when the bytes are shaped otherwise, the whole file parsed (`fallback`, for readImageDetails,
 * whatever onImage was handed is to be discarded), or JSON.parse's message.
 */
function readEachImageDetail(
  bytes: Uint8Array,
  onImage: (image: ImageInfo) => void,
  scanEntry?: (start: number, end: number) => boolean,
): { problems: string[]; syntaxError?: string; fallback?: unknown } {
  const problems: string[] = [];
  let index = 0;
  // Entries are parsed a batch at a time: the bytes from a batch's first entry to its last are
  // the inside of a JSON array (entries, commas and spaces).
  let batchStart = -1;
  let batchEnd = -1;
  let batchSize = 0;
  const readBatch = () => {
    if (batchSize === 0) return;
    for (const entry of JSON.parse(`[${decodeRange(bytes, batchStart, batchEnd)}]`) as unknown[]) {
      const image = readImageDetail(entry, `[${index++}]`);
      if (typeof image === "string") problems.push(image);
      else onImage(image);
    }
    batchSize = 0;
  };
  let where: string | undefined;
  try {
    where = forEachArrayElement(bytes, "imageDetails", (start, end) => {
      if (scanEntry !== undefined) {
        // An entry the scan does not take is parsed on its own, in its place.
        if (scanEntry(start, end)) index++;
        else {
          [batchStart, batchEnd, batchSize] = [start, end, 1];
          readBatch();
        }
        return;
      }
      if (batchSize === 0) batchStart = start;
      batchEnd = end;
      if (++batchSize === ENTRIES_PER_BATCH) readBatch();
    });
    readBatch();
  } catch {
    where = undefined;
  }
  if (where !== undefined) return { problems: problems.map((problem) => `${where}${problem}`) };
  try {
    return { problems: [], fallback: JSON.parse(decodeRange(bytes, 0, bytes.length)) };
  } catch (error) {
    return { problems: [], syntaxError: (error as Error).message };
  }
}

const ENTRIES_PER_BATCH = 1024;

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
