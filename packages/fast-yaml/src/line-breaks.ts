import type { Node } from "./node.js";

/**
 * A text as the reader wants it: without a leading byte-order mark and with CRLF line breaks as
 * LF. `relocate` then moves a tree's offsets back onto the original text, where the `yaml`
 * package puts them: a node ending at a line break ends at its CR.
 */
export class NormalizedText {
  private constructor(
    readonly text: string,
    private readonly skipped: number,
    /** Offsets in `text` of the LF characters a CR was taken from before, ascending. */
    private readonly crlfAt: Int32Array,
  ) {}

  /** Undefined for a text with a CR outside a CRLF pair, which the reader leaves alone. */
  static of(original: string): NormalizedText | undefined {
    const skipped = original.charCodeAt(0) === 0xfeff ? 1 : 0;
    let text = skipped ? original.slice(1) : original;
    let crlfAt = new Int32Array(0);
    if (text.indexOf("\r") !== -1) {
      const found: number[] = [];
      for (let at = text.indexOf("\r\n"); at !== -1; at = text.indexOf("\r\n", at + 2)) found.push(at - found.length);
      text = text.replaceAll("\r\n", "\n");
      if (text.indexOf("\r") !== -1) return undefined;
      crlfAt = Int32Array.from(found);
    }
    return new NormalizedText(text, skipped, crlfAt);
  }

  get changed(): boolean {
    return this.skipped > 0 || this.crlfAt.length > 0;
  }

  original(offset: number): number {
    const crlfAt = this.crlfAt;
    let low = 0;
    let high = crlfAt.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (crlfAt[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset + this.skipped + low;
  }

  relocate(node: Node): void {
    node.start = this.original(node.start);
    node.end = this.original(node.end);
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
