import type { Node } from "./node.js";

/**
 * A text as the reader wants it: without a leading byte-order mark and with CRLF line breaks as
 * LF. `relocate` then moves a tree's offsets back onto the original text, where the `yaml`
 * package puts them: a node ending at a line break ends at its CR.
 */
export class NormalizedText {
  /** Index into crlfAt of the first entry at or past the last start relocated (starts come in order). */
  private cursor = 0;

  private constructor(
    readonly text: string,
    private readonly skipped: number,
    /** Offsets in `text` of the LF characters a CR was taken from before, ascending. */
    private readonly crlfAt: number[],
  ) {}

  /** Undefined for a text with a CR outside a CRLF pair, which the reader leaves alone. */
  static of(original: string): NormalizedText | undefined {
    const skipped = original.charCodeAt(0) === 0xfeff ? 1 : 0;
    let text = skipped ? original.slice(1) : original;
    const crlfAt: number[] = [];
    let at = text.indexOf("\r");
    if (at !== -1) {
      for (; at !== -1; at = text.indexOf("\r", at + 2)) {
        if (text.charCodeAt(at + 1) !== 10) return undefined;
        crlfAt.push(at - crlfAt.length);
      }
      text = text.replaceAll("\r\n", "\n");
    }
    return new NormalizedText(text, skipped, crlfAt);
  }

  get changed(): boolean {
    return this.skipped > 0 || this.crlfAt.length > 0;
  }

  /** The original offset of `offset`, searching crlfAt from entry `from` on (a gallop, then halves). */
  private original(offset: number, from: number): number {
    const crlfAt = this.crlfAt;
    let low = from;
    let step = 1;
    let high = from;
    while (high < crlfAt.length && crlfAt[high]! < offset) {
      low = high + 1;
      high += step;
      step *= 2;
    }
    if (high > crlfAt.length) high = crlfAt.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (crlfAt[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Moves every offset in the tree onto the original text; nodes come in document order. */
  relocate(node: Node): void {
    this.cursor = this.original(node.start, this.cursor);
    const endIndex = this.original(node.end, this.cursor);
    node.start += this.skipped + this.cursor;
    node.end += this.skipped + endIndex;
    switch (node.kind) {
      case "map":
        for (const entry of node.entries) {
          this.relocate(entry.keyNode);
          this.relocate(entry.value);
        }
        return;
      case "seq":
        for (const item of node.items) this.relocate(item);
        return;
      case "tagged":
        this.relocate(node.value);
        return;
    }
  }
}
