import {
  APOSTROPHE,
  BANG,
  COLON,
  DASH,
  GREATER,
  HASH,
  InlineReader,
  isBlank,
  isDocumentMarker,
  isWhite,
  LEFT_BRACE,
  LEFT_BRACKET,
  MAX_DEPTH,
  NEWLINE,
  PIPE,
  QUOTE,
  SINGLE_LINE,
  SPACE,
  scalar,
  TAB,
  startsPlain,
} from "./inline-reader.js";
import {
  BlockScalarContent,
  decline,
  doubleQuotedValue,
  foldFlowLines,
  OutsideFastYaml,
  resolvePlain,
  singleQuotedValue,
} from "./scalars.js";
import { NormalizedText } from "./line-breaks.js";
import type { MapNode, Node, ScalarNode, SeqNode, TaggedNode } from "./node.js";

export interface FastYamlOptions {
  /** Nesting of maps, sequences and tags beyond which the reader declines (it never goes past 200). */
  maxDepth?: number;
  /** Called after a successful read for each key a map holds twice; the tree keeps the later value. */
  onDuplicateKey?: (first: ScalarNode, second: ScalarNode) => void;
}

/**
 * A reader for the YAML that CloudFormation templates and task definitions are written in,
 * several times faster than the `yaml` package (bench/yaml-parse.mjs), building our nodes directly.
 * It returns exactly the tree the `yaml` package builds (values, tags, offsets) or, for anything
 * outside its subset or in any doubt, undefined, and the caller runs the `yaml` package instead.
 * Declined: anchors and aliases, `?` keys, `<<`, directives, several documents, tabs as
 * indentation, lone CR line breaks, verbatim or `!!` tags, block scalars with `+` or an
 * indentation digit, empty tagged nodes, multi-line keys, multi-line scalars inside flow
 * collections, and every syntax error. A quoted scalar's continuation lines may sit at any
 * indentation, as PyYAML reads them (see IndentedQuotedLines).
 */
export function parseYamlFast(text: string, options: FastYamlOptions = {}): Node | undefined {
  const source = NormalizedText.of(text);
  if (!source || unsupportedCharacter.test(source.text)) return undefined;
  const maxDepth = Math.min(options.maxDepth ?? MAX_DEPTH, MAX_DEPTH);
  const reader = new FastYamlReader(source.text, maxDepth, options.onDuplicateKey !== undefined);
  let root: Node;
  try {
    root = reader.document();
  } catch (error) {
    if (error instanceof OutsideFastYaml || error instanceof RangeError) return undefined;
    throw error;
  }
  if (source.changed) source.relocate(root);
  for (const [first, second] of reader.duplicates) options.onDuplicateKey!(first, second);
  return root;
}

/** Control characters (tab aside), CR, a byte-order mark past the start, and line separators YAML handles its own way. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const unsupportedCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** Whether the line at `from`, or one after it, is `---` or `...`: another document or an end marker. */
function hasDocumentMarker(text: string, from: number): boolean {
  if (isDocumentMarker(text, from)) return true;
  for (const marker of ["\n---", "\n..."])
    for (let at = text.indexOf(marker, from); at !== -1; at = text.indexOf(marker, at + 1))
      if (isDocumentMarker(text, at + 1)) return true;
  return false;
}

/**
 * Reads block structure line by line. Every node reader leaves `pos` at the first character of
 * the next content line (comment and blank lines skipped), with `lineIndent` its column, or -1
 * at the end of the text.
 *
 * The `yaml` package ends a block collection where its last value's "node end" is: past that
 * value's line break and any more-indented comment lines right after it, or past trailing
 * comments it keeps for itself. `nodeEnd` and `pendingCommentIndent` reproduce that bookkeeping.
 */
class FastYamlReader extends InlineReader {
  private lineStart = 0;
  private lineIndent = 0;
  /** Where the `yaml` package considers the last node read to end, comments after it included. */
  private nodeEnd = 0;
  /** Deepest indent among comment lines after the last value that no node has claimed, or -1. */
  private pendingCommentIndent = -1;
  /** The comment lines skipped by the last skipTrivia: their indents and where each line ends. */
  private readonly commentIndents: number[] = [];
  private readonly commentEnds: number[] = [];
  private commentCount = 0;
  /** Set by keyColon: where the key's text ends. */
  private keyEnd = 0;
  /** Set by plainContinuation: empty lines between a plain scalar's lines. */
  private blankLinesSkipped = 0;

  document(): Node {
    this.skipTrivia();
    if (this.lineIndent === 0 && this.text.startsWith("---", this.pos) && isBlank(this.code(this.pos + 3))) {
      this.pos += 3;
      this.finishLine();
      this.skipTrivia();
    }
    if (this.lineIndent !== 0 || hasDocumentMarker(this.text, this.pos)) decline();
    const root = this.blockNode(0, -1, false);
    if (this.pos !== this.text.length) decline();
    return root;
  }

  /** A node that starts at `pos`, on its own line or after `- `: any kind, block collections included. */
  private blockNode(column: number, parentIndent: number, tagged: boolean): Node {
    this.enter();
    let node: Node;
    if (this.atSequenceItem()) node = this.blockSequence(column);
    else {
      const colon = this.keyColon();
      node = colon === -1 ? this.inlineNode(parentIndent, tagged) : this.blockMap(column, colon);
    }
    this.leave();
    return node;
  }

  /** A node that cannot be a block collection: after `key: `, or a scalar or flow collection on its own line. */
  private inlineNode(parentIndent: number, tagged: boolean): Node {
    switch (this.code(this.pos)) {
      case BANG:
        return this.taggedNode(parentIndent);
      case QUOTE:
      case APOSTROPHE:
        return this.endInline(this.quotedScalar(parentIndent), parentIndent);
      case LEFT_BRACKET:
      case LEFT_BRACE:
        return this.endInline(this.flowCollection(parentIndent), parentIndent);
      case PIPE:
      case GREATER:
        return this.blockScalar(parentIndent);
      default:
        return this.plainScalar(parentIndent, tagged);
    }
  }

  private atSequenceItem(): boolean {
    return this.code(this.pos) === DASH && isBlank(this.code(this.pos + 1));
  }

  private blockMap(indent: number, firstColon: number): MapNode {
    const map: MapNode = { kind: "map", start: this.pos, end: 0, parent: undefined, key: undefined, entries: [] };
    for (let colon = firstColon; ; ) {
      const keyNode = this.mapKey(colon);
      const key = keyNode.value as string;
      keyNode.parent = map;
      keyNode.key = key;
      const value = this.mapValue(indent);
      value.parent = map;
      value.key = key;
      this.addEntry(map, { key, keyNode, value });
      if (this.lineIndent !== indent) break;
      colon = this.keyColon();
      if (colon === -1) decline();
    }
    if (this.lineIndent > indent) decline();
    return this.closeCollection(map, indent);
  }

  private mapKey(colon: number): ScalarNode {
    const start = this.pos;
    const first = this.code(start);
    let key: string;
    if (first === QUOTE || first === APOSTROPHE) {
      const close = this.keyEnd - 1;
      if (!this.quoteNeedsDecoding) key = this.text.slice(start + 1, close);
      else
        key = first === QUOTE ? doubleQuotedValue(this.text, start, close) : singleQuotedValue(this.text, start, close);
    } else {
      const source = this.text.slice(start, this.keyEnd);
      // `<<` is a merge key to YAML 1.1 readers; leave whatever it means to the yaml package.
      if (source === "<<") decline();
      key = String(resolvePlain(source));
    }
    this.pos = colon + 1;
    return scalar(key, start, this.keyEnd);
  }

  /** The value after `key:`: on the same line, on the lines below, a sequence at the key's column, or empty. */
  private mapValue(indent: number): Node {
    this.skipWhite();
    const next = this.code(this.pos);
    if (next !== NEWLINE && next !== HASH && !Number.isNaN(next)) return this.inlineNode(indent, false);
    const emptyAt = this.pos;
    this.finishLine();
    this.skipTrivia();
    if (this.lineIndent > indent) return this.blockNode(this.lineIndent, indent, false);
    if (this.lineIndent === indent && this.atSequenceItem()) return this.blockSequence(indent);
    return this.emptyValue(emptyAt, next === HASH);
  }

  private blockSequence(indent: number): SeqNode {
    this.enter();
    const seq: SeqNode = { kind: "seq", start: this.pos, end: 0, parent: undefined, key: undefined, items: [] };
    do {
      this.pos++;
      const item = this.sequenceItem(indent);
      item.parent = seq;
      item.key = seq.items.length;
      seq.items.push(item);
    } while (this.lineIndent === indent && this.atSequenceItem());
    if (this.lineIndent > indent) decline();
    this.leave();
    return this.closeCollection(seq, indent);
  }

  private sequenceItem(indent: number): Node {
    this.skipSpaces();
    const next = this.code(this.pos);
    if (next !== NEWLINE && next !== HASH && !Number.isNaN(next))
      return this.blockNode(this.pos - this.lineStart, indent, false);
    const emptyAt = this.pos;
    this.finishLine();
    this.skipTrivia();
    if (this.lineIndent > indent) return this.blockNode(this.lineIndent, indent, false);
    return this.emptyValue(emptyAt, next === HASH);
  }

  /**
   * A missing value (`key:` or `-` with nothing under it) is a null at the indicator, just past
   * the spaces after it; with comments around it, the `yaml` package lets it end where they do.
   */
  private emptyValue(at: number, commentOnItsLine: boolean): ScalarNode {
    this.nodeEnd = commentOnItsLine || this.commentCount > 0 ? this.pos : at;
    this.pendingCommentIndent = -1;
    return scalar(null, at, at);
  }

  /**
   * A collection ends where its last value does; trailing comments indented at least as deep as
   * its items stay with it (and extend its node end), shallower ones pass to the parent.
   */
  private closeCollection<T extends MapNode | SeqNode>(node: T, indent: number): T {
    node.end = this.nodeEnd;
    if (indent > 0 && this.pendingCommentIndent >= indent) {
      this.nodeEnd = this.pos;
      this.pendingCommentIndent = -1;
    }
    return node;
  }

  /**
   * After a scalar or flow collection and its line: skips to the next content line. Comment lines
   * indented deeper than the collection holding the value, right after it, belong to the value.
   */
  private endLeaf(parentIndent: number, claimsComments: boolean): void {
    this.nodeEnd = this.pos;
    this.skipTrivia();
    let i = 0;
    if (claimsComments)
      for (; i < this.commentCount && this.commentIndents[i]! > parentIndent; i++) this.nodeEnd = this.commentEnds[i]!;
    let pending = -1;
    for (; i < this.commentCount; i++) pending = Math.max(pending, this.commentIndents[i]!);
    this.pendingCommentIndent = pending;
  }

  private endInline<T extends Node>(node: T, parentIndent: number): T {
    this.skipWhite();
    // `"key": value` or `[a]: b` after a value on the same line is a compact mapping: an error.
    if (this.code(this.pos) === COLON) decline();
    this.finishLine();
    this.endLeaf(parentIndent, true);
    return node;
  }

  /** From a line start to the next content line, noting the comment lines on the way. */
  private skipTrivia(): void {
    const text = this.text;
    this.commentCount = 0;
    for (;;) {
      const lineStart = this.pos;
      let at = lineStart;
      while (text.charCodeAt(at) === SPACE) at++;
      const next = text.charCodeAt(at);
      if (next === NEWLINE) {
        this.pos = at + 1;
        continue;
      }
      if (next === HASH) {
        const newline = text.indexOf("\n", at);
        this.pos = newline === -1 ? text.length : newline + 1;
        this.commentIndents[this.commentCount] = at - lineStart;
        this.commentEnds[this.commentCount++] = this.pos;
        continue;
      }
      this.pos = at;
      this.lineStart = lineStart;
      this.lineIndent = Number.isNaN(next) ? -1 : at - lineStart;
      return;
    }
  }

  /**
   * The offset of the `:` when the text at `pos` is a one-line key (`Name:`, `"a b":`), else -1.
   * Sets keyEnd to where the key's text ends.
   */
  private keyColon(): number {
    const text = this.text;
    const start = this.pos;
    const first = text.charCodeAt(start);
    if (first === QUOTE || first === APOSTROPHE) {
      const close = this.quoteClose(start, SINGLE_LINE);
      if (close === -1) return -1;
      this.keyEnd = close + 1;
      let at = close + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      return text.charCodeAt(at) === COLON && isBlank(text.charCodeAt(at + 1)) ? at : -1;
    }
    if (!startsPlain(first, text.charCodeAt(start + 1), false)) return -1;
    let contentEnd = start;
    for (let at = start; ; at++) {
      const c = text.charCodeAt(at);
      if (isWhite(c)) {
        if (text.charCodeAt(at + 1) === HASH) return -1;
      } else if (c === NEWLINE || Number.isNaN(c)) return -1;
      else if (c === COLON && isBlank(text.charCodeAt(at + 1))) {
        this.keyEnd = contentEnd;
        return at;
      } else contentEnd = at + 1;
    }
  }

  /** `!Ref X`, `!GetAtt a.b`, `!Sub |`, `!If [...]`, or a tag alone on its line with the node below. */
  private taggedNode(parentIndent: number): TaggedNode {
    this.enter();
    const start = this.pos;
    const tagEnd = this.tagEnd(start);
    const tag = this.text.slice(start + 1, tagEnd);
    this.pos = tagEnd;
    this.skipSpaces();
    const next = this.code(this.pos);
    let value: Node;
    // A comment between tag and node would move the tagged node's start in the yaml path; a
    // second tag on one node is an error.
    if (next === HASH || next === BANG) decline();
    if (next === NEWLINE || Number.isNaN(next)) {
      this.finishLine();
      this.skipTrivia();
      if (this.commentCount > 0 || this.lineIndent <= parentIndent || this.code(this.pos) === BANG) decline();
      value = this.blockNode(this.lineIndent, parentIndent, true);
    } else {
      // `!Tag - item` needs a line break before the sequence.
      if (this.atSequenceItem()) decline();
      value = this.inlineNode(parentIndent, true);
    }
    const node: TaggedNode = { kind: "tagged", start, end: value.end, parent: undefined, key: undefined, tag, value };
    value.parent = node;
    this.leave();
    return node;
  }

  private plainScalar(parentIndent: number, tagged: boolean): ScalarNode {
    const text = this.text;
    const start = this.pos;
    if (!startsPlain(this.code(start), this.code(start + 1), false)) decline();
    let end = this.plainLineEnd(start);
    let lines: string[] | undefined;
    while (this.code(this.pos) === NEWLINE) {
      const continuation = this.plainContinuation(parentIndent);
      if (continuation === -1) break;
      lines ??= [text.slice(start, end)];
      for (let i = this.blankLinesSkipped; i > 0; i--) lines.push("");
      end = this.plainLineEnd(continuation);
      lines.push(text.slice(continuation, end));
    }
    const source = lines ? foldFlowLines(lines) : text.slice(start, end);
    const node = scalar(tagged ? source : resolvePlain(source), start, end);
    this.finishLine();
    this.endLeaf(parentIndent, true);
    return node;
  }

  /**
   * With `pos` at the line break after a plain scalar's line: the start of the next line's text
   * when that line continues the scalar (indented past the parent, not a comment), else -1.
   */
  private plainContinuation(parentIndent: number): number {
    const text = this.text;
    let at = this.pos + 1;
    this.blankLinesSkipped = 0;
    for (;;) {
      const lineStart = at;
      while (text.charCodeAt(at) === SPACE) at++;
      const next = text.charCodeAt(at);
      if (next === NEWLINE) {
        at++;
        this.blankLinesSkipped++;
        continue;
      }
      if (Number.isNaN(next) || next === HASH || at - lineStart <= parentIndent) return -1;
      // A continuation line that starts like an indicator reads differently to YAML; leave it.
      if (next === DASH || !startsPlain(next, text.charCodeAt(at + 1), false)) decline();
      return at;
    }
  }

  /**
   * Scans one line of a plain scalar from `from`: leaves `pos` at the line break, the end of the
   * text, or the space before a comment, and returns where the scalar's text ends. A `: ` inside
   * makes the line a mapping entry where none may be: declined.
   */
  private plainLineEnd(from: number): number {
    const text = this.text;
    let contentEnd = from;
    for (let at = from; ; at++) {
      const c = text.charCodeAt(at);
      if (c === SPACE || c === TAB) {
        if (text.charCodeAt(at + 1) === HASH) {
          this.pos = at;
          return contentEnd;
        }
      } else if (c === NEWLINE || Number.isNaN(c)) {
        this.pos = at;
        return contentEnd;
      } else {
        if (c === COLON && isBlank(text.charCodeAt(at + 1))) decline();
        contentEnd = at + 1;
      }
    }
  }

  /**
   * `|`, `|-`, `>` or `>-` and the lines indented under it. Lines holding only spaces decline:
   * where they belong depends on rules better left to the yaml package.
   */
  private blockScalar(parentIndent: number): ScalarNode {
    const text = this.text;
    const start = this.pos;
    const folded = this.code(start) === GREATER;
    let at = start + 1;
    const strip = this.code(at) === DASH;
    if (strip) at++;
    if (!isBlank(this.code(at))) decline();
    this.pos = at;
    this.finishLine();
    const content = new BlockScalarContent(folded);
    let contentIndent = -1;
    let end = this.pos;
    for (let lineStart = this.pos; ; ) {
      let lineAt = lineStart;
      while (text.charCodeAt(lineAt) === SPACE) lineAt++;
      const next = text.charCodeAt(lineAt);
      const indent = lineAt - lineStart;
      if (next === TAB) decline();
      if (next === NEWLINE || Number.isNaN(next)) {
        if (indent > 0) decline();
        if (Number.isNaN(next)) break;
        content.emptyLine();
        lineStart = lineAt + 1;
        continue;
      }
      if (contentIndent === -1) {
        if (indent <= parentIndent) decline();
        contentIndent = indent;
      } else if (indent < contentIndent) {
        if (indent > parentIndent && next !== HASH) decline();
        break;
      }
      const newline = text.indexOf("\n", lineAt);
      const lineEnd = newline === -1 ? text.length : newline;
      content.line(text.slice(lineStart + contentIndent, lineEnd), indent > contentIndent);
      end = newline === -1 ? text.length : newline + 1;
      if (newline === -1) break;
      lineStart = end;
    }
    if (contentIndent === -1) decline();
    this.pos = end;
    const node = scalar(content.value(strip), start, end);
    this.endLeaf(parentIndent, false);
    return node;
  }
}
