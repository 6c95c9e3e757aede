/**
 * Quoted scalars whose continuation lines are indented no deeper than their key, as in
 *
 *     Description: "AWS CloudFormation Sample Template: a cluster
 *     and its service"
 *
 * YAML 1.2 wants those lines indented past the key and the `yaml` package ends the scalar there;
 * PyYAML, and so cfn-lint and the AWS samples written for them, read on to the closing quote.
 * The value is the same however far the lines are indented (a line break folds away the spaces
 * around it), so this indents such lines for the `yaml` package and maps its offsets back. The
 * fast reader reads them as they are. A leading byte-order mark is left out of `text` too.
 */
export class IndentedQuotedLines {
  /** Spaces added: `count` of them before original offset `at`, in order of `at`. */
  private readonly insertions: { at: number; count: number }[] = [];
  text: string;

  /** 1 when the original starts with a byte-order mark, which the yaml package misreads before a `- ` line. */
  private readonly skipped: number;

  constructor(readonly original: string) {
    this.skipped = original.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.text = this.skipped ? original.slice(1) : original;
  }

  /**
   * Indents past its own column the continuation lines of the quoted scalar that opens at `open`
   * in the current text. False when none needed it, or PyYAML refuses the scalar too (no closing
   * quote, or a document marker inside).
   */
  indentQuoted(open: number): boolean {
    if (open < 0) return false;
    const text = this.text;
    const close = closingQuote(text, open);
    if (close === -1) return false;
    const lineStart = text.lastIndexOf("\n", open) + 1;
    const column = open - lineStart;
    const added: { at: number; count: number }[] = [];
    for (
      let newline = text.indexOf("\n", open);
      newline !== -1 && newline < close;
      newline = text.indexOf("\n", newline + 1)
    ) {
      const start = newline + 1;
      if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(start, start + 4))) return false;
      let at = start;
      while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
      const next = text.charCodeAt(at);
      if (next === 10 || next === 13 || at - start > column) continue;
      added.push({ at: start, count: column + 1 - (at - start) });
    }
    if (added.length === 0) return false;
    let indented = "";
    let from = 0;
    for (const { at, count } of added) {
      indented += text.slice(from, at) + " ".repeat(count);
      from = at;
      this.insertions.push({ at: this.toOriginal(at), count });
    }
    this.insertions.sort((a, b) => a.at - b.at);
    this.text = indented + text.slice(from);
    return true;
  }

  /** The offset in the original text of an offset in the indented one (added spaces map to their line's start). */
  toOriginal(offset: number): number {
    let shift = 0;
    for (const { at, count } of this.insertions) {
      const position = at - this.skipped + shift;
      if (offset < position) break;
      if (offset < position + count) return at;
      shift += count;
    }
    return offset - shift + this.skipped;
  }
}

/** The closing quote of the scalar that opens at `open`, or -1. */
export function closingQuote(text: string, open: number): number {
  const quote = text.charCodeAt(open);
  for (let at = open + 1; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (quote === 34 && c === 92) at++;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(at + 1) === 39) at++;
      else return at;
    }
  }
  return -1;
}
