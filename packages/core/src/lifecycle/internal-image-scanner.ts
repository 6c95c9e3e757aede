import type { ClassCode, ImageColumnsBuilder } from "./image-columns.js";
import { IN_ARCHIVE, IN_STANDARD, RESTORING } from "./image-columns.js";
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from "./internal-json-bytes.js";

// One describe-images entry (an ImageDetail object) read straight from the file's bytes into the
// columns, without JSON.parse nor an object per image: at a million images JSON.parse alone costs
// more than the whole evaluation. The scan takes only the plain shape (the fields it reads are
// ASCII strings without escapes, numbers or arrays of such strings, each key once); anything else
// (an escape, a missing digest, a time it cannot read, a repeated key) makes it answer false, and
// the caller reads that entry with JSON.parse as before, so every answer and message stays the same.
// It validates the JSON of every byte it accepts, as JSON.parse would.

const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
/** Deeper nesting in a field the scan skips is left to JSON.parse. */
const MAX_SKIPPED_DEPTH = 64;

const NOT_JSON = -1;
/** Valid JSON perhaps, but not the plain shape: the caller parses the entry. */
const NOT_PLAIN = -2;

/** The fields of ImageDetail the lifecycle reads; bit i of `seen`. */
const FIELDS = [
  "imageDigest",
  "imageTags",
  "imagePushedAt",
  "lastRecordedPullTime",
  "lastArchivedAt",
  "lastActivatedAt",
  "imageStatus",
  "storageClass",
] as const;
const DIGEST = 0;
const TAGS = 1;
const PUSHED = 2;
const PULLED = 3;
const ARCHIVED = 4;
const ACTIVATED = 5;
const STATUS = 6;
const STORAGE_CLASS = 7;
const FIELD_BYTES = FIELDS.map((name) => Array.from(name, (char) => char.charCodeAt(0)));

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isDigit(byte: number): boolean {
  return byte >= ZERO && byte <= NINE;
}

/** The ASCII text of bytes[start, end) (the caller checked they are ASCII). */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/** What one entry's scan found, reused from entry to entry. */
class EntryFields {
  seen = 0;
  digest = "";
  tags: string[] = [];
  pushedAt = Number.NaN;
  pulledAt = Number.NaN;
  archivedAt = Number.NaN;
  activatedAt = Number.NaN;
  status = "";
  storageClass = "";

  reset(): void {
    this.seen = 0;
    this.tags = [];
    this.pushedAt = Number.NaN;
    this.pulledAt = Number.NaN;
    this.archivedAt = Number.NaN;
    this.activatedAt = Number.NaN;
    this.status = "";
    this.storageClass = "";
  }
}

/** Reads describe-images entries from `bytes` into a builder. */
export class ImageDetailScanner {
  readonly #bytes: Uint8Array;
  readonly #fields = new EntryFields();

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /**
   * Appends the entry in bytes[start, end) (one element of the array, as forEachArrayElement
   * hands it over) to `builder` and returns true; false, with nothing appended, when the entry is
   * not of the plain shape, or not JSON: then read it with JSON.parse.
   */
  scan(start: number, end: number, builder: ImageColumnsBuilder): boolean {
    const fields = this.#fields;
    fields.reset();
    const after = this.#object(start, end, fields);
    if (after !== end) return false;
    if ((fields.seen & (1 << DIGEST)) === 0 || Number.isNaN(fields.pushedAt)) return false;
    builder.add({
      digest: fields.digest,
      tags: fields.tags,
      pushedAt: fields.pushedAt,
      pulledAt: fields.pulledAt,
      archivedAt: fields.archivedAt,
      activatedAt: fields.activatedAt,
      storageClass: classOf(fields.status, fields.storageClass),
    });
    return true;
  }

  /** Just after the entry's object, or NOT_JSON / NOT_PLAIN. */
  #object(start: number, end: number, fields: EntryFields): number {
    const bytes = this.#bytes;
    if (bytes[start] !== OPEN_OBJECT) return NOT_PLAIN;
    let i = this.#space(start + 1, end);
    if (bytes[i] === CLOSE_OBJECT) return i + 1;
    for (;;) {
      if (bytes[i] !== QUOTE) return NOT_JSON;
      const nameStart = i + 1;
      const nameEnd = this.#plainString(i, end);
      if (nameEnd < 0) return nameEnd;
      i = this.#space(nameEnd + 1, end);
      if (bytes[i] !== COLON) return NOT_JSON;
      i = this.#space(i + 1, end);
      const field = this.#field(nameStart, nameEnd);
      if (field >= 0) {
        if ((fields.seen & (1 << field)) !== 0) return NOT_PLAIN; // JSON.parse keeps the last one
        fields.seen |= 1 << field;
        i = this.#fieldValue(field, i, end, fields);
      } else {
        i = this.#skipValue(i, end, 0);
      }
      if (i < 0) return i;
      i = this.#space(i, end);
      if (bytes[i] === CLOSE_OBJECT) return i + 1;
      if (bytes[i] !== COMMA) return NOT_JSON;
      i = this.#space(i + 1, end);
    }
  }

  #space(at: number, end: number): number {
    let i = at;
    while (i < end && isSpace(this.#bytes[i] as number)) i++;
    return i;
  }

  /** Which of FIELDS the key in bytes[start, end) is, or -1. */
  #field(start: number, end: number): number {
    const bytes = this.#bytes;
    const length = end - start;
    for (let field = 0; field < FIELD_BYTES.length; field++) {
      const name = FIELD_BYTES[field] as number[];
      if (name.length !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = bytes[start + k] === name[k];
      if (same) return field;
    }
    return -1;
  }

  /**
   * The closing quote of the string whose opening quote is at `at`, when it is plain ASCII with no
   * escape; NOT_PLAIN when it has an escape or a byte above 0x7f, NOT_JSON for a control character.
   */
  #plainString(at: number, end: number): number {
    const bytes = this.#bytes;
    let plain = true;
    for (let i = at + 1; i < end; i++) {
      const byte = bytes[i] as number;
      if (byte === QUOTE) return plain ? i : NOT_PLAIN;
      if (byte < 0x20) return NOT_JSON;
      if (byte === BACKSLASH || byte > 0x7f) plain = false;
    }
    return NOT_JSON;
  }

  #fieldValue(field: number, at: number, end: number, fields: EntryFields): number {
    const bytes = this.#bytes;
    const first = bytes[at];
    if (field === TAGS) return this.#tags(at, end, fields);
    if (first === QUOTE) {
      const close = this.#plainString(at, end);
      if (close < 0) return close;
      switch (field) {
        case DIGEST:
          fields.digest = asciiText(bytes, at + 1, close);
          break;
        case STATUS:
          fields.status = asciiText(bytes, at + 1, close);
          break;
        case STORAGE_CLASS:
          fields.storageClass = asciiText(bytes, at + 1, close);
          break;
        default: {
          const time = isoTime(bytes, at + 1, close);
          if (Number.isNaN(time)) return NOT_PLAIN;
          setTime(fields, field, time);
        }
      }
      return close + 1;
    }
    if (field === DIGEST) return NOT_PLAIN;
    const valueEnd = this.#skipValue(at, end, 0);
    if (valueEnd < 0 || field === STATUS || field === STORAGE_CLASS) return valueEnd; // ignored unless a string
    // A time as epoch seconds, as some versions of the AWS CLI print it.
    if (!isDigit(first as number) && first !== MINUS) return NOT_PLAIN;
    const seconds = Number(asciiText(bytes, at, valueEnd));
    const millis = seconds * 1000;
    if (!Number.isFinite(seconds) || !(Math.abs(millis) <= 8.64e15)) return NOT_PLAIN;
    setTime(fields, field, Math.trunc(millis) + 0);
    return valueEnd;
  }

  /** An array of plain strings; anything else in imageTags is left to JSON.parse. */
  #tags(at: number, end: number, fields: EntryFields): number {
    const bytes = this.#bytes;
    if (bytes[at] !== OPEN_ARRAY) return NOT_PLAIN;
    let i = this.#space(at + 1, end);
    if (bytes[i] === CLOSE_ARRAY) return i + 1;
    const tags: string[] = [];
    for (;;) {
      if (bytes[i] !== QUOTE) return NOT_PLAIN;
      const close = this.#plainString(i, end);
      if (close < 0) return close;
      tags.push(asciiText(bytes, i + 1, close));
      i = this.#space(close + 1, end);
      if (bytes[i] === CLOSE_ARRAY) break;
      if (bytes[i] !== COMMA) return NOT_JSON;
      i = this.#space(i + 1, end);
    }
    fields.tags = tags;
    return i + 1;
  }

  /** Just after the JSON value at `at` (checked as JSON.parse would), or NOT_JSON / NOT_PLAIN. */
  #skipValue(at: number, end: number, depth: number): number {
    const bytes = this.#bytes;
    const first = bytes[at] as number;
    if (first === QUOTE) {
      const close = this.#anyString(at, end);
      return close < 0 ? close : close + 1;
    }
    if (first === OPEN_ARRAY || first === OPEN_OBJECT) {
      if (depth >= MAX_SKIPPED_DEPTH) return NOT_PLAIN;
      const close = first === OPEN_ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT;
      let i = this.#space(at + 1, end);
      if (bytes[i] === close) return i + 1;
      for (;;) {
        if (first === OPEN_OBJECT) {
          if (bytes[i] !== QUOTE) return NOT_JSON;
          const nameEnd = this.#anyString(i, end);
          if (nameEnd < 0) return nameEnd;
          i = this.#space(nameEnd + 1, end);
          if (bytes[i] !== COLON) return NOT_JSON;
          i = this.#space(i + 1, end);
        }
        i = this.#skipValue(i, end, depth + 1);
        if (i < 0) return i;
        i = this.#space(i, end);
        if (bytes[i] === close) return i + 1;
        if (bytes[i] !== COMMA) return NOT_JSON;
        i = this.#space(i + 1, end);
      }
    }
    if (first === MINUS || isDigit(first)) return this.#number(at, end);
    for (const literal of LITERALS) {
      let k = 0;
      while (k < literal.length && bytes[at + k] === literal[k]) k++;
      if (k === literal.length) return at + k;
    }
    return NOT_JSON;
  }

  /** The closing quote of any JSON string, its escapes checked; NOT_JSON when it is not one. */
  #anyString(at: number, end: number): number {
    const bytes = this.#bytes;
    for (let i = at + 1; i < end; i++) {
      const byte = bytes[i] as number;
      if (byte === QUOTE) return i;
      if (byte < 0x20) return NOT_JSON;
      if (byte !== BACKSLASH) continue;
      const escaped = bytes[++i] as number;
      if (escaped === 0x75) {
        for (let k = 1; k <= 4; k++) if (!isHex(bytes[i + k] as number)) return NOT_JSON;
        i += 4;
      } else if (!SIMPLE_ESCAPES.includes(escaped)) return NOT_JSON;
    }
    return NOT_JSON;
  }

  /** Just after a JSON number: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  #number(at: number, end: number): number {
    const bytes = this.#bytes;
    let i = at;
    if (bytes[i] === MINUS) i++;
    if (bytes[i] === ZERO) i++;
    else if (isDigit(bytes[i] as number)) while (i < end && isDigit(bytes[i] as number)) i++;
    else return NOT_JSON;
    if (bytes[i] === DOT) {
      i++;
      if (!isDigit(bytes[i] as number)) return NOT_JSON;
      while (i < end && isDigit(bytes[i] as number)) i++;
    }
    if (bytes[i] === 0x65 || bytes[i] === 0x45) {
      i++;
      if (bytes[i] === PLUS || bytes[i] === MINUS) i++;
      if (!isDigit(bytes[i] as number)) return NOT_JSON;
      while (i < end && isDigit(bytes[i] as number)) i++;
    }
    return i;
  }
}

const LITERALS = ["true", "false", "null"].map((word) => Array.from(word, (char) => char.charCodeAt(0)));
/** " \ / b f n r t */
const SIMPLE_ESCAPES = [0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74];

function isHex(byte: number): boolean {
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

function setTime(fields: EntryFields, field: number, millis: number): void {
  if (field === PUSHED) fields.pushedAt = millis;
  else if (field === PULLED) fields.pulledAt = millis;
  else if (field === ARCHIVED) fields.archivedAt = millis;
  else if (field === ACTIVATED) fields.activatedAt = millis;
}

/** readImageDetail's storage class: storageClass when it names one, else from imageStatus. */
function classOf(status: string, storageClass: string): ClassCode {
  const named = storageClass.toLowerCase();
  if (named === "standard") return IN_STANDARD;
  if (named === "archive" || status === "ARCHIVED") return IN_ARCHIVE;
  if (status === "ACTIVATING") return RESTORING;
  return IN_STANDARD;
}

/**
 * Milliseconds of an ISO time in bytes[start, end), as Date.parse gives them. The forms the AWS CLI
 * and SDKs print (`2024-05-06T12:34:56.789000+00:00`, `...56Z`) are read here; any other text goes
 * to Date.parse itself. NaN when Date.parse cannot read it either.
 */
export function isoTime(bytes: Uint8Array, start: number, end: number): number {
  const fast = plainIsoTime(bytes, start, end);
  return fast === undefined ? Date.parse(asciiText(bytes, start, end)) : fast;
}

function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const byte = bytes[at + k] as number;
    if (!isDigit(byte)) return -1;
    value = value * 10 + byte - ZERO;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM) with every part in range; undefined for anything else. */
function plainIsoTime(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (end - start < 20 || bytes[start + 4] !== MINUS || bytes[start + 7] !== MINUS || bytes[start + 10] !== 0x54)
    return undefined;
  if (bytes[start + 13] !== COLON || bytes[start + 16] !== COLON) return undefined;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  const hour = digits(bytes, start + 11, 2);
  const minute = digits(bytes, start + 14, 2);
  const second = digits(bytes, start + 17, 2);
  // Date.UTC reads years below 100 as 19xx: leave those to Date.parse.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] as number))) return undefined;
  let i = start + 19;
  let millis = 0;
  if (bytes[i] === DOT) {
    // Date.parse keeps the first three digits of the fraction.
    const fractionStart = ++i;
    while (i < end && isDigit(bytes[i] as number)) i++;
    const length = i - fractionStart;
    if (length < 1 || length > 9) return undefined;
    for (let k = 0; k < 3; k++) millis = millis * 10 + (k < length ? (bytes[fractionStart + k] as number) - ZERO : 0);
  }
  let offset = 0;
  if (bytes[i] === 0x5a && i + 1 === end) {
    // Z
  } else if ((bytes[i] === PLUS || bytes[i] === MINUS) && i + 6 === end && bytes[i + 3] === COLON) {
    const offsetHours = digits(bytes, i + 1, 2);
    const offsetMinutes = digits(bytes, i + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return undefined;
    offset = (offsetHours * 60 + offsetMinutes) * 60_000 * (bytes[i] === MINUS ? -1 : 1);
  } else return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}
