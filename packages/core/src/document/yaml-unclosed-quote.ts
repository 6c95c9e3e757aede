import { closingQuote } from "@shipshape/fast-yaml";
import { Parser } from "yaml";

/** The offset of the first quoted scalar in the `yaml` package's reading whose closing quote it did not find. */
export function firstUnclosedQuote(text: string): number {
  let found = -1;
  const visit = (token: unknown): void => {
    if (found !== -1 || token === null || typeof token !== "object") return;
    if (Array.isArray(token)) {
      for (const item of token) visit(item);
      return;
    }
    const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
    if ((type === "double-quoted-scalar" || type === "single-quoted-scalar") && typeof offset === "number") {
      const close = closingQuote(text, offset);
      if (typeof source === "string" && close !== -1 && offset + source.length <= close) found = offset;
      return;
    }
    for (const value of Object.values(token)) visit(value);
  };
  for (const token of new Parser().parse(text)) {
    visit(token);
    if (found !== -1) break;
  }
  return found;
}
