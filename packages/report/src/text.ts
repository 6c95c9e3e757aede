// Small text helpers every report uses, so each exists once.

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Workflow-command escaping as the runner decodes it (@actions/core's escapeData/escapeProperty
 * do the same, but are not exported): a message stays on its one line.
 */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (file=, title=): as a message, and `:` and `,` too, which end a property. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
