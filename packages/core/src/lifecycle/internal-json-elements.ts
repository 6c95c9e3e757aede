// The elements of one JSON array in UTF-8 bytes, each handed over as a byte range to parse on its
// own: a describe-images file of a million images is read without a string of the whole file
// (V8 strings stop at 2^29 characters, about 512 MB) nor the parsed tree of every entry at once.
// Only the structure is checked here (brackets, strings, commas); JSON.parse checks each piece.
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

const decoder = new TextDecoder();
export const decodeRange = (bytes: Uint8Array, start: number, end: number) =>
  decoder.decode(bytes.subarray(start, end));

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function skipSpace(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && isSpace(bytes[i])) i++;
  return i;
}

/** From the opening quote to just after the closing one; -1 when the string does not end. */
function skipString(bytes: Uint8Array, at: number): number {
  let from = at + 1;
  for (;;) {
    // indexOf runs natively: most of a describe-images file is string content.
    const quote = bytes.indexOf(QUOTE, from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Just after the value that starts at `at`; -1 when its brackets or strings do not close. */
function skipValue(bytes: Uint8Array, at: number): number {
  const first = bytes[at];
  if (first === QUOTE) return skipString(bytes, at);
  if (first === OPEN_ARRAY || first === OPEN_OBJECT) {
    let depth = 0;
    let i = at;
    while (i < bytes.length) {
      const byte = bytes[i];
      if (byte === QUOTE) {
        i = skipString(bytes, i);
        if (i < 0) return -1;
        continue;
      }
      if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) depth++;
      else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return -1;
  }
  let i = at;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (isSpace(byte) || byte === COMMA || byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) break;
    i++;
  }
  return i > at ? i : -1;
}

/** The array's elements from its `[` at `at`; returns just after its `]`, or -1. */
function eachElement(bytes: Uint8Array, at: number, onElement: (start: number, end: number) => void): number {
  let i = skipSpace(bytes, at + 1);
  if (bytes[i] === CLOSE_ARRAY) return i + 1;
  for (;;) {
    const end = skipValue(bytes, i);
    if (end < 0) return -1;
    onElement(i, end);
    i = skipSpace(bytes, end);
    if (bytes[i] === CLOSE_ARRAY) return i + 1;
    if (bytes[i] !== COMMA) return -1;
    i = skipSpace(bytes, i + 1);
  }
}

/**
 * Calls onElement with the byte range of every element of the top-level array, or of the array
 * under `key` in the top-level object, and returns where they were ("" or the key). Returns
 * undefined when the bytes are shaped otherwise, or are not JSON as far as this scan sees: then
 * the caller parses the whole text to say why (and discards what it was handed).
 */
export function forEachArrayElement(
  bytes: Uint8Array,
  key: string,
  onElement: (start: number, end: number) => void,
): string | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let i = skipSpace(bytes, bom);
  if (bytes[i] === OPEN_ARRAY) {
    const end = eachElement(bytes, i, onElement);
    return end >= 0 && skipSpace(bytes, end) === bytes.length ? "" : undefined;
  }
  if (bytes[i] !== OPEN_OBJECT) return undefined;
  let found = false;
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === CLOSE_OBJECT) return undefined;
  for (;;) {
    if (bytes[i] !== QUOTE) return undefined;
    const nameEnd = skipString(bytes, i);
    if (nameEnd < 0) return undefined;
    const name = parseOrUndefined(decodeRange(bytes, i, nameEnd));
    i = skipSpace(bytes, nameEnd);
    if (name === undefined || bytes[i] !== COLON) return undefined;
    i = skipSpace(bytes, i + 1);
    if (name === key) {
      // JSON.parse keeps the last of repeated keys; leave that rare case to it.
      if (found || bytes[i] !== OPEN_ARRAY) return undefined;
      found = true;
      i = eachElement(bytes, i, onElement);
    } else {
      const end = skipValue(bytes, i);
      if (end < 0 || parseOrUndefined(decodeRange(bytes, i, end)) === undefined) return undefined;
      i = end;
    }
    if (i < 0) return undefined;
    i = skipSpace(bytes, i);
    if (bytes[i] === CLOSE_OBJECT) break;
    if (bytes[i] !== COMMA) return undefined;
    i = skipSpace(bytes, i + 1);
  }
  return found && skipSpace(bytes, i + 1) === bytes.length ? key : undefined;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
