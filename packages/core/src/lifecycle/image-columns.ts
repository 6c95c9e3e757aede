import type { ImageInfo, StorageClass, Timestamp } from "./types.js";

// A repository's images as columns, one entry per image at the same index in each: the lifecycle
// preview of a million images keeps no object (nor Date) per image, so the garbage collector has
// a few large arrays to look at instead of millions of small objects.

/** Where an image is now, as ImageColumns.classes holds it. */
export const IN_STANDARD = 0;
export const IN_ARCHIVE = 1;
/** Being restored from archive (imageStatus ACTIVATING): in neither class yet. */
export const RESTORING = 2;
export type ClassCode = typeof IN_STANDARD | typeof IN_ARCHIVE | typeof RESTORING;

export interface ImageColumns {
  readonly count: number;
  readonly digests: readonly string[];
  /** Image i's tags are tagValues[tagStart[i]] up to tagValues[tagStart[i + 1]] (length count + 1). */
  readonly tagStart: Int32Array;
  readonly tagValues: readonly string[];
  /** Milliseconds since the epoch; NaN where the image has no such time. */
  readonly pushedAt: Float64Array;
  readonly pulledAt: Float64Array;
  readonly archivedAt: Float64Array;
  readonly activatedAt: Float64Array;
  /** IN_STANDARD, IN_ARCHIVE or RESTORING per image. */
  readonly classes: Uint8Array;
  /** The manifest lists that reference an image, for the images that have any, in input order. */
  readonly referencedBy: ReadonlyMap<number, readonly string[]>;
  /** The first timestamp that is not a date (`image D: imagePushedAt "x" is not a date`). */
  readonly invalidTime?: string;
}

/** Image `index`'s tags (a new array). */
export function tagsAt(columns: ImageColumns, index: number): string[] {
  return columns.tagValues.slice(columns.tagStart[index], columns.tagStart[index + 1]);
}

export function classCode(storageClass: StorageClass): ClassCode {
  return storageClass === "archive" ? IN_ARCHIVE : IN_STANDARD;
}

/** The fields of one image as the builder takes them; times in milliseconds, NaN when absent. */
export interface ImageRow {
  digest: string;
  tags: readonly string[];
  pushedAt: number;
  pulledAt: number;
  archivedAt: number;
  activatedAt: number;
  storageClass: ClassCode;
  referencedBy?: readonly string[];
}

/** Columns filled one image at a time, growing by doubling. */
export class ImageColumnsBuilder {
  #count = 0;
  #capacity: number;
  readonly #digests: string[] = [];
  #tagStart: Int32Array;
  readonly #tagValues: string[] = [];
  #pushedAt: Float64Array;
  #pulledAt: Float64Array;
  #archivedAt: Float64Array;
  #activatedAt: Float64Array;
  #classes: Uint8Array;
  readonly #referencedBy = new Map<number, readonly string[]>();
  #invalidTime: string | undefined;

  constructor(capacity = 1024) {
    this.#capacity = Math.max(capacity, 1);
    this.#tagStart = new Int32Array(this.#capacity + 1);
    this.#pushedAt = new Float64Array(this.#capacity);
    this.#pulledAt = new Float64Array(this.#capacity);
    this.#archivedAt = new Float64Array(this.#capacity);
    this.#activatedAt = new Float64Array(this.#capacity);
    this.#classes = new Uint8Array(this.#capacity);
  }

  get count(): number {
    return this.#count;
  }

  /** Remembers the first unreadable timestamp; evaluation refuses the columns with it. */
  noteInvalidTime(message: string): void {
    this.#invalidTime ??= message;
  }

  /** Appends the next image. */
  add(row: ImageRow): void {
    const index = this.#count;
    if (index === this.#capacity) this.#grow();
    this.#digests.push(row.digest);
    for (const tag of row.tags) this.#tagValues.push(tag);
    this.#pushedAt[index] = row.pushedAt;
    this.#pulledAt[index] = row.pulledAt;
    this.#archivedAt[index] = row.archivedAt;
    this.#activatedAt[index] = row.activatedAt;
    this.#classes[index] = row.storageClass;
    if (row.referencedBy && row.referencedBy.length > 0) this.#referencedBy.set(index, row.referencedBy);
    this.#count = index + 1;
    this.#tagStart[index + 1] = this.#tagValues.length;
  }

  #grow(): void {
    const capacity = this.#capacity * 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(array: T, length: number): T => {
      const larger = new (array.constructor as new (length: number) => T)(length);
      larger.set(array);
      return larger;
    };
    this.#tagStart = grown(this.#tagStart, capacity + 1);
    this.#pushedAt = grown(this.#pushedAt, capacity);
    this.#pulledAt = grown(this.#pulledAt, capacity);
    this.#archivedAt = grown(this.#archivedAt, capacity);
    this.#activatedAt = grown(this.#activatedAt, capacity);
    this.#classes = grown(this.#classes, capacity);
    this.#capacity = capacity;
  }

  build(): ImageColumns {
    const count = this.#count;
    return {
      count,
      digests: this.#digests,
      tagStart: this.#tagStart.subarray(0, count + 1),
      tagValues: this.#tagValues,
      pushedAt: this.#pushedAt.subarray(0, count),
      pulledAt: this.#pulledAt.subarray(0, count),
      archivedAt: this.#archivedAt.subarray(0, count),
      activatedAt: this.#activatedAt.subarray(0, count),
      classes: this.#classes.subarray(0, count),
      referencedBy: this.#referencedBy,
      ...(this.#invalidTime === undefined ? {} : { invalidTime: this.#invalidTime }),
    };
  }
}

/** The class an image is in now; an image being restored (ACTIVATING) is in neither. */
export function classOfImage(image: ImageInfo): ClassCode {
  if (image.storageClass) return classCode(image.storageClass);
  if (image.imageStatus === "ARCHIVED") return IN_ARCHIVE;
  if (image.imageStatus === "ACTIVATING") return RESTORING;
  return IN_STANDARD;
}

/** Milliseconds of a timestamp, NaN for an unreadable one. */
function millisOf(value: Timestamp): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

type TimeField = "imagePushedAt" | "lastRecordedPullTime" | "lastArchivedAt" | "lastActivatedAt";

/** Milliseconds of one of the image's times, NaN when absent; an unreadable one is noted. */
function timeOf(builder: ImageColumnsBuilder, image: ImageInfo, field: TimeField): number {
  const value = image[field];
  if (value === undefined) return Number.NaN;
  const millis = millisOf(value);
  if (Number.isNaN(millis))
    builder.noteInvalidTime(`image ${image.imageDigest}: ${field} ${JSON.stringify(String(value))} is not a date`);
  return millis;
}

/** Appends one ImageInfo; an unreadable timestamp is noted (and stored as NaN). */
export function addImageInfo(builder: ImageColumnsBuilder, image: ImageInfo): void {
  // One row shape for every image (referencedBy present, maybe undefined): a million calls stay monomorphic.
  builder.add({
    digest: image.imageDigest,
    tags: image.imageTags,
    pushedAt: timeOf(builder, image, "imagePushedAt"),
    pulledAt: timeOf(builder, image, "lastRecordedPullTime"),
    archivedAt: timeOf(builder, image, "lastArchivedAt"),
    activatedAt: timeOf(builder, image, "lastActivatedAt"),
    storageClass: classOfImage(image),
    referencedBy: image.referencedBy,
  });
}

/** The images as columns, in the same order. */
export function columnsFromImages(images: readonly ImageInfo[]): ImageColumns {
  const builder = new ImageColumnsBuilder(images.length);
  for (const image of images) addImageInfo(builder, image);
  return builder.build();
}
