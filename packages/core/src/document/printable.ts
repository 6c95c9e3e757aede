// What a message may show of a file's text: the file may be hostile or binary, and messages end up
// in terminals, workflow commands and job summaries.

const escapes: Record<number, string> = { 9: "\\t", 10: "\\n", 13: "\\r", 34: '\\"', 92: "\\\\" };

/**
 * A short excerpt safe to print inside double quotes: printable ASCII as it is, `"` and `\`
 * escaped, everything else (control characters, non-ASCII) as `\uXXXX`; at most `max` characters
 * of the text, then "...".
 */
export function printableExcerpt(text: string, max = 40): string {
  let out = "";
  const end = Math.min(text.length, max);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const escaped = escapes[code];
    if (escaped !== undefined) out += escaped;
    else if (code >= 0x20 && code < 0x7f) out += text[i];
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return text.length > max ? `${out}...` : out;
}

/** A message from a parser made plain: its first line, every character printable, at most `max` long. */
export function printableMessage(message: string, max = 200): string {
  const firstLine = message.split("\n", 1)[0]!;
  let out = "";
  let i = 0;
  for (; i < firstLine.length && out.length < max; i++) {
    const code = firstLine.charCodeAt(i);
    out += code >= 0x20 && code < 0x7f ? firstLine[i] : `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return i < firstLine.length ? `${out}...` : out;
}
