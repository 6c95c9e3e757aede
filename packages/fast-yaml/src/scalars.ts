import type { ScalarValue } from "./node.js";

/**
 * Thrown inside the fast YAML reader when a text needs the full `yaml` package: an unsupported
 * construct, an oddity, or an error (whose message and position the `yaml` package reports).
 * One shared instance: declining is routine, so it must not pay for a stack trace.
 */
export class OutsideFastYaml extends Error {}
export const outsideFastYaml = new OutsideFastYaml("outside the YAML subset the fast reader handles");

export function decline(): never {
  throw outsideFastYaml;
}

// The YAML 1.2 core schema, the `yaml` package's default: https://yaml.org/spec/1.2.2/#1032-tag-resolution
const nullWord = /^(?:~|[Nn]ull|NULL)$/;
const boolWord = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const octalInt = /^0o[0-7]+$/;
const decimalInt = /^[-+]?[0-9]+$/;
const hexInt = /^0x[0-9a-fA-F]+$/;
const infinityOrNaN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const exponentFloat = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const fractionFloat = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** What an untagged plain scalar means: null, a boolean, a number, or the text itself. */
export function resolvePlain(source: string): ScalarValue {
  const first = source.charCodeAt(0);
  switch (first) {
    case 0x7e: // ~
    case 0x6e: // n
    case 0x4e: // N
      return nullWord.test(source) ? null : source;
    case 0x74: // t
    case 0x54: // T
    case 0x66: // f
    case 0x46: // F
      return boolWord.test(source) ? first === 0x74 || first === 0x54 : source;
    case 0x2b: // +
    case 0x2d: // -
    case 0x2e: // .
      return resolveNumber(source);
    default:
      return first >= 0x30 && first <= 0x39 ? resolveNumber(source) : source;
  }
}

function resolveNumber(source: string): ScalarValue {
  if (octalInt.test(source)) return Number.parseInt(source.slice(2), 8);
  if (decimalInt.test(source)) return Number.parseInt(source, 10);
  if (hexInt.test(source)) return Number.parseInt(source.slice(2), 16);
  if (infinityOrNaN.test(source)) {
    if (source.slice(-3).toLowerCase() === "nan") return Number.NaN;
    return source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (exponentFloat.test(source) || fractionFloat.test(source)) return Number.parseFloat(source);
  return source;
}

/**
 * Joins the lines of a multi-line flow scalar (plain or single-quoted), each already trimmed of
 * the spaces around it: one line break becomes a space, n > 1 breaks become n - 1 newlines. The
 * last line is joined even when empty, so a quoted scalar that breaks just before its closing
 * quote ends in a space.
 */
export function foldFlowLines(lines: readonly string[]): string {
  let value = lines[0]!;
  let separator = " ";
  const last = lines.length - 1;
  for (let i = 1; i < last; i++) {
    const line = lines[i]!;
    if (line !== "") {
      value += separator + line;
      separator = " ";
    } else if (separator === "\n") value += "\n";
    else separator = "\n";
  }
  return value + separator + lines[last]!;
}

const SPACE = 32;
const NEWLINE = 10;
const BACKSLASH = 92;

const TAB = 9;

/** Where white space (spaces, tabs) before `end` starts: what a line break folds away before it. */
function trimSpacesEnd(text: string, start: number, end: number): number {
  for (let c = text.charCodeAt(end - 1); end > start && (c === SPACE || c === TAB); c = text.charCodeAt(--end - 1));
  return end;
}

function skipSpaces(text: string, at: number): number {
  for (let c = text.charCodeAt(at); c === SPACE || c === TAB; c = text.charCodeAt(++at));
  return at;
}

/** The value of the single-quoted scalar between the quotes at `open` and `close`. */
export function singleQuotedValue(text: string, open: number, close: number): string {
  const lines: string[] = [];
  let lineStart = open + 1;
  for (;;) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 || newline > close ? close : newline;
    const start = lines.length === 0 ? lineStart : skipSpaces(text, lineStart);
    const end = lineEnd === close ? lineEnd : trimSpacesEnd(text, start, lineEnd);
    lines.push(text.slice(start, end).replaceAll("''", "'"));
    if (lineEnd === close) break;
    lineStart = lineEnd + 1;
  }
  return lines.length === 1 ? lines[0]! : foldFlowLines(lines);
}

const escapes: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};
const hexEscapeLengths: Record<string, number> = { x: 2, u: 4, U: 8 };
const hexDigits = /^[0-9a-fA-F]+$/;

/**
 * The value of the double-quoted scalar between the quotes at `open` and `close`: escapes
 * decoded, line breaks folded (spaces before a break dropped, a lone break read as a space), an
 * escaped line break joined without a space. An invalid escape declines.
 */
export function doubleQuotedValue(text: string, open: number, close: number): string {
  let value = "";
  let runStart = open + 1;
  let at = open + 1;
  while (at < close) {
    const c = text.charCodeAt(at);
    if (c === NEWLINE) {
      value += text.slice(runStart, trimSpacesEnd(text, runStart, at));
      let breaks = 0;
      at++;
      for (let next = text.charCodeAt(at); next === SPACE || next === TAB || next === NEWLINE; next = text.charCodeAt(++at))
        if (next === NEWLINE) breaks++;
      value += breaks === 0 ? " " : "\n".repeat(breaks);
      runStart = at;
    } else if (c === BACKSLASH) {
      value += text.slice(runStart, at);
      const code = text[at + 1]!;
      if (code === "\n") at = skipSpaces(text, at + 2);
      else if (code in escapes) {
        value += escapes[code];
        at += 2;
      } else if (code in hexEscapeLengths) {
        const length = hexEscapeLengths[code]!;
        const digits = text.slice(at + 2, at + 2 + length);
        if (digits.length !== length || !hexDigits.test(digits)) decline();
        const codePoint = Number.parseInt(digits, 16);
        if (codePoint > 0x10ffff) decline();
        value += String.fromCodePoint(codePoint);
        at += 2 + length;
      } else decline();
      runStart = at;
    } else at++;
  }
  return value + text.slice(runStart, close);
}

/**
 * Builds a block scalar's value line by line. Literal (`|`) keeps the lines; folded (`>`) joins
 * adjacent lines with a space, keeps line breaks around empty and more-indented lines.
 */
export class BlockScalarContent {
  private text = "";
  private separator = "";
  private started = false;
  private emptyLines = 0;
  private previousMoreIndented = false;

  constructor(private readonly folded: boolean) {}

  emptyLine(): void {
    this.emptyLines++;
  }

  line(content: string, moreIndented: boolean): void {
    if (!this.started) {
      // Empty lines before the first line of text are kept as they are.
      this.text = "\n".repeat(this.emptyLines);
      this.started = true;
    } else if (!this.folded) this.separator = "\n".repeat(this.emptyLines + 1);
    else
      for (let i = 0; i < this.emptyLines; i++) {
        if (this.separator === "\n") this.text += "\n";
        else this.separator = "\n";
      }
    this.emptyLines = 0;
    if (!this.folded) {
      this.text += this.separator + content;
      return;
    }
    if (moreIndented) {
      if (this.separator === " ") this.separator = "\n";
      else if (!this.previousMoreIndented && this.separator === "\n") this.separator = "\n\n";
      this.text += this.separator + content;
      this.separator = "\n";
    } else {
      this.text += this.separator + content;
      this.separator = " ";
    }
    this.previousMoreIndented = moreIndented;
  }

  /** The value with its final line break (`|`, `>`) or without (`|-`, `>-`); trailing empty lines dropped. */
  value(strip: boolean): string {
    return strip ? this.text : `${this.text}\n`;
  }
}
