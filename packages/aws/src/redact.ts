// What of a task definition may be printed: values that often carry credentials (environment,
// secrets, command and entryPoint arguments, docker labels, log options) are shown as a short
// hash, enough to tell "changed" from "unchanged"; credentials in URLs are masked in any text.
import { createHash } from "node:crypto";

export { maskUrlCredentials } from "@shipshape/core";

/** sha256:1a2b3c4d, the first 8 hex digits of the value's SHA-256: equal values, equal hashes. */
export function shortHash(value: string): string {
  return `sha256:${createHash("sha256").update(value).digest("hex").slice(0, 8)}`;
}

/** Paths of a task definition diff whose values are never printed (diff.ts names list items by their name). */
const HIDDEN_VALUES = [
  /\.environment\[[^\]]*\]\.value$/,
  /\.secrets\[[^\]]*\]\.valueFrom$/,
  /\.(command|entryPoint)$/,
  /\.dockerLabels\./,
  /\.logConfiguration\.(options\.|secretOptions)/,
  /\.firelensConfiguration\.options\./,
  /^containerDefinitions\[[^\]]*\]\.repositoryCredentials\./,
];

/** True for a path whose value the diff shows only as a hash. */
export function isHiddenValuePath(path: string): boolean {
  return HIDDEN_VALUES.some((pattern) => pattern.test(path));
}
