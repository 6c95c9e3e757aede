// The one job-summary style of the three actions: markdown with a headline, a two-column overview
// table, sections with tables or code, long lists folded into <details>. Every user string goes
// through `text` or `code`, so nothing from a file can break the table or inject markup.

/** GitHub refuses a step summary over 1 MiB; a summary stays well under it. */
export const MAX_SUMMARY_BYTES = 512 * 1024;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Plain text for a table cell or a paragraph: no markup, no line breaks, no column breaks. */
export function text(value: string): string {
  return escapeHtml(value)
    .replace(/\|/g, "&#124;")
    .replace(/[`*_[\]]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, " ");
}

/** Inline code that holds any text safely, in a table cell too. */
export function code(value: string): string {
  return `<code>${escapeHtml(value).replace(/\|/g, "&#124;").replace(/\r?\n/g, " ")}</code>`;
}

export function heading(title: string, level: 2 | 3 = 2): string {
  return `${"#".repeat(level)} ${title}\n`;
}

/** A table; cells are markdown already (built with `text` and `code`). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return `${[line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n")}\n`;
}

/** The overview: a name and a value a row, no header text. */
export function overview(rows: readonly (readonly [string, string])[]): string {
  return table(["", ""], rows);
}

/** At most `max` items, then one "…and N more" line. */
export function capped(items: readonly string[], max: number): string[] {
  if (items.length <= max) return [...items];
  return [...items.slice(0, max), `…and ${items.length - max} more`];
}

/** A bullet list folded under a summary line; items are markdown already. */
export function details(summaryLine: string, items: readonly string[], max = 200): string {
  const body = capped(items, max).map((item) => `- ${item}`);
  return `<details><summary>${escapeHtml(summaryLine)}</summary>\n\n${body.join("\n")}\n\n</details>\n`;
}

/** A fenced block of text (a diff, a plan); fences inside the text cannot close it. */
export function codeBlock(lines: readonly string[], language = "", max = 200): string {
  const body = capped(lines, max).map((line) => line.replace(/```/g, "`\u200b``"));
  return `\`\`\`${language}\n${body.join("\n")}\n\`\`\`\n`;
}

/** A note box (GitHub's alert syntax). */
export function note(kind: "NOTE" | "WARNING" | "CAUTION", lines: readonly string[]): string {
  return `> [!${kind}]\n${lines.map((line) => `> ${text(line)}`).join("\n")}\n`;
}

/** The summary's sections joined, cut at MAX_SUMMARY_BYTES on a line boundary with a note saying so. */
export function joinSummary(sections: readonly string[], maxBytes = MAX_SUMMARY_BYTES): string {
  const whole = `${sections.filter(Boolean).join("\n")}\n`;
  if (Buffer.byteLength(whole) <= maxBytes) return whole;
  const cut = Buffer.from(whole).subarray(0, maxBytes - 200).toString("utf8");
  const lastLine = cut.lastIndexOf("\n");
  return `${cut.slice(0, lastLine)}\n\n_…the summary was cut at ${Math.round(maxBytes / 1024)} KiB; the step's log has everything._\n`;
}
