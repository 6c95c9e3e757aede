import { decline, doubleQuotedValue, resolvePlain, singleQuotedValue } from "./scalars.js";
import type { MapEntry, MapNode, Node, ScalarNode, SeqNode, TaggedNode } from "./node.js";

export const TAB = 9;
export const NEWLINE = 10;
export const SPACE = 32;
export const BANG = 33;
export const QUOTE = 34;
export const HASH = 35;
export const PERCENT = 37;
export const AMPERSAND = 38;
export const APOSTROPHE = 39;
export const STAR = 42;
export const COMMA = 44;
export const DASH = 45;
export const COLON = 58;
export const GREATER = 62;
export const QUESTION = 63;
export const AT = 64;
export const LEFT_BRACKET = 91;
export const BACKSLASH = 92;
export const RIGHT_BRACKET = 93;
export const BACKTICK = 96;
export const LEFT_BRACE = 123;
export const PIPE = 124;
export const RIGHT_BRACE = 125;

/** Nesting deeper than this is left to the yaml package (which refuses beyond 512 levels). */
export const MAX_DEPTH = 200;
/** parentIndent for a quoted scalar that must stay on one line (keys, flow items). */
export const SINGLE_LINE = -2;

/** A space, a tab, a line break or the end of the text (NaN): what must follow `-`, `:` or a tag. */
export function isBlank(code: number): boolean {
  return code === SPACE || code === NEWLINE || code === TAB || Number.isNaN(code);
}

export function isWhite(code: number): boolean {
  return code === SPACE || code === TAB;
}

export function isFlowIndicator(code: number): boolean {
  return (
    code === COMMA || code === LEFT_BRACKET || code === RIGHT_BRACKET || code === LEFT_BRACE || code === RIGHT_BRACE
  );
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether a plain scalar may start with `code` followed by `next` (indicators may not). */
export function startsPlain(code: number, next: number, inFlow: boolean): boolean {
  switch (code) {
    case DASH:
      return !isBlank(next) && !(inFlow && isFlowIndicator(next));
    case QUESTION:
    case COLON:
      // `:5000` is plain in a block; inside flow collections, leave the yaml package to decide.
      return !inFlow && !isBlank(next);
    case COMMA:
    case LEFT_BRACKET:
    case RIGHT_BRACKET:
    case LEFT_BRACE:
    case RIGHT_BRACE:
    case HASH:
    case AMPERSAND:
    case STAR:
    case BANG:
    case PIPE:
    case GREATER:
    case APOSTROPHE:
    case QUOTE:
    case PERCENT:
    case AT:
    case BACKTICK:
    case SPACE:
    case TAB:
    case NEWLINE:
      return false;
    default:
      return !Number.isNaN(code);
  }
}

/** `---` or `...` followed by a blank at `at`. */
export function isDocumentMarker(text: string, at: number): boolean {
  return (text.startsWith("---", at) || text.startsWith("...", at)) && isBlank(text.charCodeAt(at + 3));
}

export function scalar(value: ScalarNode["value"], start: number, end: number): ScalarNode {
  return { kind: "scalar", start, end, parent: undefined, key: undefined, value };
}

/**
 * The fast reader's cursor and what it reads within lines: quoted scalars, tags, and flow
 * collections (`[a, b]`, `{a: 1}`), which may span lines but hold no block structure.
 * `parentIndent` is the column of the block collection holding what is read (-1 at the root):
 * lines a scalar or flow collection continues on must be indented past it.
 */
export class InlineReader {
  protected pos = 0;
  protected depth = 0;
  /** Set by quoteClose: whether the quoted text holds escapes, doubled quotes or line breaks. */
  protected quoteNeedsDecoding = false;
  /** Keys given twice in one map, the first and the second, when asked for. */
  readonly duplicates: [ScalarNode, ScalarNode][] = [];
  /** Key indexes of the larger maps, built once a map has that many entries. */
  private readonly keyIndexes = new Map<MapNode, Map<string, ScalarNode>>();

  constructor(
    protected readonly text: string,
    private readonly maxDepth: number,
    private readonly trackDuplicates: boolean,
  ) {}

  protected addEntry(map: MapNode, entry: MapEntry): void {
    if (this.trackDuplicates) this.noteDuplicate(map, entry);
    map.entries.push(entry);
  }

  private noteDuplicate(map: MapNode, entry: MapEntry): void {
    const entries = map.entries;
    if (entries.length < 16) {
      for (const earlier of entries)
        if (earlier.key === entry.key) {
          this.duplicates.push([earlier.keyNode, entry.keyNode]);
          return;
        }
      return;
    }
    let index = this.keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const earlier of entries) if (!index.has(earlier.key)) index.set(earlier.key, earlier.keyNode);
      this.keyIndexes.set(map, index);
    }
    const earlier = index.get(entry.key);
    if (earlier) this.duplicates.push([earlier, entry.keyNode]);
    else index.set(entry.key, entry.keyNode);
  }

  protected code(at: number): number {
    return this.text.charCodeAt(at);
  }

  /** Around every collection and tagged node read: deep nesting is left to the yaml package. */
  protected enter(): void {
    if (++this.depth > this.maxDepth) decline();
  }

  protected leave(): void {
    this.depth--;
  }

  protected skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  protected skipWhite(): void {
    while (isWhite(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** Past the rest of the current line: white space, an optional comment, the line break. Anything else declines. */
  protected finishLine(): void {
    this.skipWhite();
    let next = this.code(this.pos);
    if (next === HASH) {
      if (!isWhite(this.code(this.pos - 1))) decline();
      const newline = this.text.indexOf("\n", this.pos);
      this.pos = newline === -1 ? this.text.length : newline;
      next = this.code(this.pos);
    }
    if (next === NEWLINE) this.pos++;
    else if (!Number.isNaN(next)) decline();
  }

  /** Where a `!Name` tag ends; declines `!!type`, `!<verbatim>`, `!` alone, odd characters. */
  protected tagEnd(start: number): number {
    let at = start + 1;
    const first = this.code(at);
    if (!isAsciiAlphanumeric(first) || (first >= 48 && first <= 57)) decline();
    while (isAsciiAlphanumeric(this.code(at))) at++;
    if (!isBlank(this.code(at))) decline();
    return at;
  }

  /**
   * The closing quote of the quoted scalar opening at `open`. Lines it spans must be indented past
   * `parentIndent`; with SINGLE_LINE, a line break returns -1. Sets quoteNeedsDecoding.
   */
  protected quoteClose(open: number, parentIndent: number): number {
    const text = this.text;
    const quote = text.charCodeAt(open);
    let needsDecoding = false;
    for (let at = open + 1; ; at++) {
      let c = text.charCodeAt(at);
      if (c === quote) {
        if (quote === APOSTROPHE && text.charCodeAt(at + 1) === APOSTROPHE) {
          needsDecoding = true;
          at++;
          continue;
        }
        this.quoteNeedsDecoding = needsDecoding;
        return at;
      }
      if (c === BACKSLASH && quote === QUOTE) {
        needsDecoding = true;
        c = text.charCodeAt(++at);
      }
      if (c === NEWLINE) {
        if (parentIndent === SINGLE_LINE) return -1;
        needsDecoding = true;
        let lineAt = at + 1;
        while (text.charCodeAt(lineAt) === SPACE) lineAt++;
        // Continuation lines may sit at any indentation (PyYAML's reading), but not start with a
        // tab, nor be a document marker.
        if (text.charCodeAt(lineAt) === TAB || (lineAt === at + 1 && isDocumentMarker(text, lineAt))) decline();
      } else if (Number.isNaN(c)) decline();
    }
  }

  protected quotedScalar(parentIndent: number): ScalarNode {
    const open = this.pos;
    const close = this.quoteClose(open, parentIndent);
    if (close === -1) decline();
    let value: string;
    if (!this.quoteNeedsDecoding) value = this.text.slice(open + 1, close);
    else if (this.code(open) === QUOTE) value = doubleQuotedValue(this.text, open, close);
    else value = singleQuotedValue(this.text, open, close);
    this.pos = close + 1;
    return scalar(value, open, close + 1);
  }

  protected flowCollection(parentIndent: number): MapNode | SeqNode {
    this.enter();
    const start = this.pos;
    const isMap = this.code(start) === LEFT_BRACE;
    const close = isMap ? RIGHT_BRACE : RIGHT_BRACKET;
    const node: MapNode | SeqNode = isMap
      ? { kind: "map", start, end: 0, parent: undefined, key: undefined, entries: [] }
      : { kind: "seq", start, end: 0, parent: undefined, key: undefined, items: [] };
    this.pos++;
    this.skipFlowSpace(parentIndent);
    if (this.code(this.pos) !== close)
      for (;;) {
        if (node.kind === "map") this.flowEntry(node, parentIndent);
        else {
          const item = this.flowValue(parentIndent, false);
          item.parent = node;
          item.key = node.items.length;
          node.items.push(item);
          this.skipFlowSpace(parentIndent);
          // `[a: b]` holds a one-entry map: left to the yaml package.
          if (this.code(this.pos) === COLON) decline();
        }
        const next = this.code(this.pos);
        if (next === close) break;
        if (next !== COMMA) decline();
        this.pos++;
        this.skipFlowSpace(parentIndent);
        if (this.code(this.pos) === close) decline();
      }
    this.pos++;
    node.end = this.pos;
    this.leave();
    return node;
  }

  private flowEntry(map: MapNode, parentIndent: number): void {
    const start = this.pos;
    const first = this.code(start);
    let keyNode: ScalarNode;
    if (first === QUOTE || first === APOSTROPHE) {
      keyNode = this.quotedScalar(SINGLE_LINE);
      this.skipSpaces();
    } else {
      keyNode = this.flowPlain(true);
      keyNode.value = String(keyNode.value);
      this.skipSpaces();
    }
    if (this.code(this.pos) !== COLON) decline();
    this.pos++;
    this.skipFlowSpace(parentIndent);
    const key = keyNode.value as string;
    const value = this.flowValue(parentIndent, false);
    keyNode.parent = map;
    keyNode.key = key;
    value.parent = map;
    value.key = key;
    this.addEntry(map, { key, keyNode, value });
    this.skipFlowSpace(parentIndent);
  }

  private flowValue(parentIndent: number, tagged: boolean): Node {
    switch (this.code(this.pos)) {
      case LEFT_BRACKET:
      case LEFT_BRACE:
        return this.flowCollection(parentIndent);
      case QUOTE:
      case APOSTROPHE:
        return this.quotedScalar(SINGLE_LINE);
      case BANG: {
        const start = this.pos;
        const tagEnd = this.tagEnd(start);
        this.pos = tagEnd;
        this.skipSpaces();
        const next = this.code(this.pos);
        if (next === NEWLINE || next === HASH || next === BANG) decline();
        const value = this.flowValue(parentIndent, true);
        const node: TaggedNode = {
          kind: "tagged",
          start,
          end: value.end,
          parent: undefined,
          key: undefined,
          tag: this.text.slice(start + 1, tagEnd),
          value,
        };
        value.parent = node;
        return node;
      }
      default:
        return this.flowPlain(!tagged);
    }
  }

  /** A plain scalar inside a flow collection: one line, up to `,[]{}`, `: ` or ` #`. */
  private flowPlain(resolve: boolean): ScalarNode {
    const text = this.text;
    const start = this.pos;
    if (!startsPlain(text.charCodeAt(start), text.charCodeAt(start + 1), true)) decline();
    let contentEnd = start;
    for (let at = start; ; at++) {
      const c = text.charCodeAt(at);
      if (c === SPACE || c === TAB) {
        if (text.charCodeAt(at + 1) === HASH) break;
      } else if (c === NEWLINE || Number.isNaN(c) || isFlowIndicator(c)) break;
      else if (c === COLON && (isBlank(text.charCodeAt(at + 1)) || isFlowIndicator(text.charCodeAt(at + 1)))) break;
      else contentEnd = at + 1;
    }
    this.pos = contentEnd;
    const source = text.slice(start, contentEnd);
    return scalar(resolve ? resolvePlain(source) : source, start, contentEnd);
  }

  /**
   * Spaces, line breaks and comments between flow items. Lines must be indented past the parent
   * block collection (comment lines excepted), as the yaml package requires.
   */
  private skipFlowSpace(parentIndent: number): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === SPACE || c === TAB) this.pos++;
      else if (c === NEWLINE) {
        const lineStart = ++this.pos;
        while (text.charCodeAt(this.pos) === SPACE) this.pos++;
        const next = text.charCodeAt(this.pos);
        if (next === TAB) decline();
        if (next !== HASH && next !== NEWLINE && this.pos - lineStart <= parentIndent) decline();
      } else if (c === HASH) {
        // A comment at the start of a line in a flow collection is an error to the yaml package
        // in some places; all of them are left to it.
        if (!isWhite(text.charCodeAt(this.pos - 1))) decline();
        const newline = text.indexOf("\n", this.pos);
        this.pos = newline === -1 ? text.length : newline;
      } else return;
    }
  }
}
