import { type ImageDetailsReading, readImageDetails } from "../image-details.js";

/**
 * The plain path readImageColumnsJson must agree with: the whole file decoded and parsed at once,
 * then readImageDetails; or JSON.parse's message when the bytes are not JSON.
 */
export function readWholeFile(bytes: Uint8Array): ImageDetailsReading & { syntaxError?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { images: [], problems: [], syntaxError: (error as Error).message };
  }
  return readImageDetails(raw);
}
