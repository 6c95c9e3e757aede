/**
 * A cheap estimate of how deep a YAML text nests, taken before the `yaml` package reads it: that
 * package recurses once per level and, some 900 levels down, runs out of stack and reports
 * "Maximum call stack size exceeded". One pass over the lines, no recursion.
 *
 * It reads only what opens a level: a block collection at a column (a map and a sequence may share
 * one), `- ` and `? ` indicators, `key: ` on a line, flow brackets, and tags. It skips block scalar
 * bodies and quoted scalars. It errs towards more depth (a text it misreads can only look deeper),
 * so the caller compares it with a generous bound and leaves the exact check to the tree walk.
 */
export function deepNestingOffset(text: string, bound: number): number {
  const scanner = new NestingScanner(text, bound);
  return scanner.run();
}

const SPACE = 32;
const NEWLINE = 10;
const CR = 13;
const TAB = 9;

function isBreakOrEnd(code: number): boolean {
  return code === NEWLINE || code === CR || Number.isNaN(code);
}

function isBlankOrEnd(code: number): boolean {
  return code === SPACE || code === TAB || isBreakOrEnd(code);
}

interface Level {
  column: number;
  kind: "map" | "seq";
  /** 1, plus the tags written before the collection opened. */
  weight: number;
}

class NestingScanner {
  private readonly levels: Level[] = [];
  private levelWeight = 0;
  private flowDepth = 0;
  private pendingTags = 0;
  /** Inside a quoted scalar that spans lines: its quote character, else 0. */
  private openQuote = 0;
  /** Inside a block scalar: lines indented deeper than this belong to it; else -1. */
  private blockScalarIndent = -1;
  /** Where the estimate went past the bound. */
  private deepAt = -1;

  constructor(
    private readonly text: string,
    private readonly bound: number,
  ) {}

  run(): number {
    const text = this.text;
    for (let lineStart = 0; lineStart < text.length; ) {
      const newline = text.indexOf("\n", lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      if (this.line(lineStart, lineEnd)) return this.deepAt;
      lineStart = lineEnd + 1;
    }
    return -1;
  }

  /** Reads one line; true when the estimate went past the bound on it. */
  private line(start: number, end: number): boolean {
    const text = this.text;
    let at = start;
    while (text.charCodeAt(at) === SPACE) at++;
    const indent = at - start;
    const first = text.charCodeAt(at);
    const blank = at >= end || first === CR || first === TAB;
    if (this.blockScalarIndent >= 0) {
      if (blank || indent > this.blockScalarIndent) return false;
      this.blockScalarIndent = -1;
    }
    if (this.openQuote !== 0) {
      at = this.closeQuote(at, end, this.openQuote);
      if (at === -1) return false;
      this.openQuote = 0;
      return this.flowDepth > 0 ? this.flow(at, end) : false;
    }
    if (this.flowDepth > 0) return this.flow(at, end);
    if (blank || first === 35 /* # */) return false;
    while (this.levels.length > 0 && this.levels[this.levels.length - 1]!.column > indent) this.pop();
    return this.blockTokens(at, end, indent);
  }

  private tooDeep(at: number): true {
    this.deepAt = at;
    return true;
  }

  private pop(): void {
    this.levelWeight -= this.levels.pop()!.weight;
  }

  private open(column: number, kind: Level["kind"], lineIndent: number): boolean {
    const top = this.levels[this.levels.length - 1];
    if (column === lineIndent && top?.column === column) {
      if (top.kind === kind) return false;
      // A key at a sequence's column ends the sequence; a sequence may sit at its key's column.
      if (top.kind === "seq") {
        this.pop();
        return this.open(column, kind, lineIndent);
      }
    }
    const weight = 1 + this.pendingTags;
    this.pendingTags = 0;
    this.levels.push({ column, kind, weight });
    this.levelWeight += weight;
    return this.levelWeight > this.bound;
  }

  /** The tokens of a block line from `at`: indicators, tags, a key, then its value. */
  private blockTokens(at: number, end: number, lineIndent: number): boolean {
    const text = this.text;
    const lineStart = at - lineIndent;
    for (;;) {
      while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB) at++;
      if (at >= end) return false;
      const c = text.charCodeAt(at);
      const next = text.charCodeAt(at + 1);
      if ((c === 45 /* - */ || c === 63) /* ? */ && isBlankOrEnd(next)) {
        if (this.open(at - lineStart, c === 45 ? "seq" : "map", lineIndent)) return this.tooDeep(at);
        at++;
        continue;
      }
      if (c === 33 /* ! */ || c === 38 /* & */) {
        if (c === 33) this.pendingTags++;
        while (at < end && !isBlankOrEnd(text.charCodeAt(at))) at++;
        continue;
      }
      if (c === 35 /* # */) return false;
      if (c === 124 /* | */ || c === 62 /* > */) {
        this.blockScalarIndent = lineIndent;
        return false;
      }
      if (c === 91 /* [ */ || c === 123 /* { */) return this.flow(at, end);
      const column = at - lineStart;
      let afterKey: number;
      if (c === 34 /* " */ || c === 39 /* ' */) {
        const close = this.closeQuote(at + 1, end, c);
        if (close === -1) {
          this.openQuote = c;
          return false;
        }
        afterKey = close;
        while (text.charCodeAt(afterKey) === SPACE) afterKey++;
        if (text.charCodeAt(afterKey) !== 58 /* : */ || !isBlankOrEnd(text.charCodeAt(afterKey + 1))) {
          this.pendingTags = 0;
          return false;
        }
      } else {
        afterKey = this.plainKeyColon(at, end);
        if (afterKey === -1) {
          this.pendingTags = 0;
          return false;
        }
      }
      if (this.open(column, "map", lineIndent)) return this.tooDeep(at);
      at = afterKey + 1;
    }
  }

  /** The `:` ending a plain key that starts at `at`, or -1 when the line holds a plain scalar. */
  private plainKeyColon(at: number, end: number): number {
    const text = this.text;
    for (; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c === 58 /* : */ && isBlankOrEnd(text.charCodeAt(at + 1))) return at;
      if (c === 35 /* # */ && isBlankOrEnd(text.charCodeAt(at - 1))) return -1;
    }
    return -1;
  }

  /** Past the quote closing a scalar whose text goes on at `at`, or -1 when it goes past the line. */
  private closeQuote(at: number, end: number, quote: number): number {
    const text = this.text;
    for (; at < end; at++) {
      const c = text.charCodeAt(at);
      if (quote === 34 && c === 92 /* \ */) at++;
      else if (c === quote) {
        if (quote === 39 && text.charCodeAt(at + 1) === 39) at++;
        else return at + 1;
      }
    }
    return -1;
  }

  /** Brackets in a flow collection, quoted scalars and comments skipped. */
  private flow(at: number, end: number): boolean {
    const text = this.text;
    for (; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c === 91 || c === 123) {
        this.flowDepth++;
        if (this.levelWeight + this.pendingTags + this.flowDepth > this.bound) return this.tooDeep(at);
      } else if (c === 93 || c === 125) {
        if (this.flowDepth > 0 && --this.flowDepth === 0) this.pendingTags = 0;
      } else if ((c === 34 || c === 39) && opensFlowNode(text, at)) {
        const close = this.closeQuote(at + 1, end, c);
        if (close === -1) {
          this.openQuote = c;
          return false;
        }
        at = close - 1;
      } else if (c === 35 && isBlankOrEnd(text.charCodeAt(at - 1))) return false;
    }
    return false;
  }
}

/** Whether a quote at `at` in a flow collection opens a scalar rather than sits inside a plain one. */
function opensFlowNode(text: string, at: number): boolean {
  let before = at - 1;
  while (text.charCodeAt(before) === SPACE || text.charCodeAt(before) === TAB) before--;
  const c = text.charCodeAt(before);
  if (c === 91 || c === 123 || c === 44 /* , */ || c === 58 /* : */ || isBreakOrEnd(c)) return true;
  // After a tag or an anchor (`!ImportValue 'x'`, `&a "x"`) a quote opens a scalar too.
  let tokenStart = before;
  while (
    tokenStart > 0 &&
    !isBlankOrEnd(text.charCodeAt(tokenStart - 1)) &&
    !isFlowIndicator(text.charCodeAt(tokenStart - 1))
  )
    tokenStart--;
  const first = text.charCodeAt(tokenStart);
  const spaced = before < at - 1;
  return spaced && (first === 33 /* ! */ || first === 38) /* & */;
}

function isFlowIndicator(code: number): boolean {
  return code === 44 || code === 91 || code === 93 || code === 123 || code === 125;
}
