import { github } from "./github.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const formatters = { stylish, json, sarif, github, markdown } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

export { annotation } from "./github.js";
export { countBySeverity, type FormatContext, type Formatter } from "./types.js";
