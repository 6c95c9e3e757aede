import { DEFAULT_READER_LIMITS, type ReaderLimits, type ReaderProblem } from "./limits.js";
import type { MapEntry, MapNode, Node, ScalarNode, SeqNode } from "./node.js";
import { LineIndex } from "./position.js";
import { printableExcerpt } from "./printable.js";

export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * A map entry whose key node is made only when asked for: most keys are only ever compared as
 * strings, and a node per key was a third of the reader's allocations.
 */
class JsonEntry implements MapEntry {
  private node: ScalarNode | undefined;

  constructor(
    readonly key: string,
    public value: Node,
    readonly keyStart: number,
    readonly keyEnd: number,
  ) {}

  get keyNode(): ScalarNode {
    this.node ??= { kind: "scalar", value: this.key, start: this.keyStart, end: this.keyEnd, parent: this.value.parent, key: this.key };
    return this.node;
  }

  set keyNode(node: ScalarNode) {
    this.node = node;
  }
}

/** What an open container holds until it closes and gets its children; never changed. */
const NO_CHILDREN: never[] = [];

/** Up to this many entries, a map is searched for a repeated key; beyond, its keys are indexed. */
const SCANNED_KEYS = 32;

/**
 * A JSON parser that keeps every node's offsets. JSON files are most of what the linter reads,
 * and this is several times faster than going through a YAML parser for them.
 *
 * It loops over an explicit stack of open containers, so nesting costs no call stack, and holds
 * to `limits`: a longer text, deeper nesting or more values end in a SyntaxProblem naming the
 * limit. A key given twice in one object is pushed to `problems` (when given); the tree keeps
 * both entries, and lookups find the last, as JSON.parse does.
 */
export function parseJson(text: string, limits: ReaderLimits = DEFAULT_READER_LIMITS, problems?: ReaderProblem[]): Node {
  if (text.length > limits.maxLength)
    throw new SyntaxProblem(`the text is longer than the reader's limit of ${limits.maxLength} characters`, limits.maxLength);
  const { maxDepth, maxNodes } = limits;
  const duplicates = problems ? new DuplicateKeys(text, problems) : undefined;
  const open: (MapNode | SeqNode)[] = [];
  // The children of the open containers, innermost last, and where each container's children
  // begin: a container gets an array of exactly its children when it closes (an array grown by push holds
  // room for 16 or more, which was the larger part of a small map's memory).
  const pending: (JsonEntry | Node)[] = [];
  // How much of `pending` is in use: slots past it are stale and overwritten, as truncating the
  // array each time a container closed cost more than the rest of closing it.
  let used = 0;
  const marks: number[] = [];
  let mark = 0;
  let parent: MapNode | SeqNode | undefined;
  let key: string | number | undefined;
  let keyStart = 0;
  let keyEnd = 0;
  let root: Node | undefined;
  let nodes = 0;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  for (;;) {
    at = skipSpace(text, at);
    if (++nodes > maxNodes) throw new SyntaxProblem(`more than ${maxNodes} values, the reader's limit`, at);
    const c = text.charCodeAt(at);
    let node: Node;
    if (c === QUOTE) node = readString(text, at, parent, key);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (open.length >= maxDepth) throw new SyntaxProblem(`nesting deeper than ${maxDepth} levels`, at);
      node =
        c === OPEN_BRACE
          ? { kind: "map", entries: NO_CHILDREN, start: at, end: at, parent, key }
          : { kind: "seq", items: NO_CHILDREN, start: at, end: at, parent, key };
    } else node = readLiteral(text, at, parent, key);

    if (parent === undefined) root = node;
    else pending[used++] = parent.kind === "map" ? new JsonEntry(key as string, node, keyStart, keyEnd) : node;
    at = node.end;

    if (node.kind === "map" || node.kind === "seq") {
      at = skipSpace(text, at + 1);
      if (text.charCodeAt(at) === (node.kind === "map" ? CLOSE_BRACE : CLOSE_BRACKET)) {
        node.end = ++at;
        if (node.kind === "map") node.entries = [];
        else node.items = [];
      } else {
        open.push(node);
        marks.push(mark);
        mark = used;
        parent = node;
        if (node.kind === "seq") key = 0;
        else {
          keyStart = at;
          keyEnd = keyAt(text, at);
          key = stringValue(text, keyStart, keyEnd);
          keyEnd = Math.abs(keyEnd);
          duplicates?.check(node, pending, mark, used, key, keyStart, keyEnd);
          at = colonAfter(text, keyEnd);
        }
        continue;
      }
    }

    // After a value: a separator before the next, or the ends of the containers it closes.
    for (;;) {
      at = skipSpace(text, at);
      if (parent === undefined) {
        if (at < text.length) throw unexpected(text, at, " after the end of the JSON value");
        return root!;
      }
      const next = text.charCodeAt(at);
      const isMap = parent.kind === "map";
      if (next === COMMA) {
        at++;
        if (parent.kind === "map") {
          keyStart = skipSpace(text, at);
          keyEnd = keyAt(text, keyStart);
          key = stringValue(text, keyStart, keyEnd);
          keyEnd = Math.abs(keyEnd);
          duplicates?.check(parent, pending, mark, used, key, keyStart, keyEnd);
          at = colonAfter(text, keyEnd);
        } else key = used - mark;
        break;
      }
      if (next !== (isMap ? CLOSE_BRACE : CLOSE_BRACKET)) throw unexpected(text, at, `: expected "," or "${isMap ? "}" : "]"}"`);
      parent.end = ++at;
      if (parent.kind === "map") parent.entries = pending.slice(mark, used) as JsonEntry[];
      else parent.items = pending.slice(mark, used) as Node[];
      used = mark;
      mark = marks.pop()!;
      duplicates?.closed(parent);
      open.pop();
      parent = open[open.length - 1];
    }
  }
}

/** JSON's whitespace from `lastIndex` on: the regular expression engine skips a run faster than a loop of charCodeAt. */
const SPACE_RUN = /[ \n\r\t]*/y;

function skipSpace(text: string, at: number): number {
  const c = text.charCodeAt(at);
  // Most values follow a single space or none; indentation after a newline is a longer run.
  if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return at;
  const next = text.charCodeAt(at + 1);
  if (next !== 32 && next !== 10 && next !== 13 && next !== 9) return at + 1;
  SPACE_RUN.lastIndex = at + 2;
  SPACE_RUN.test(text);
  return SPACE_RUN.lastIndex;
}

/** The character at `offset` for a message: escaped, never raw text from the file. */
function describe(text: string, offset: number): string {
  return offset >= text.length ? "end of file" : `"${printableExcerpt(text[offset]!, 1)}"`;
}

/** "unexpected X" and what was expected (`rest` brings its own separator). */
function unexpected(text: string, offset: number, rest: string): SyntaxProblem {
  return new SyntaxProblem(`unexpected ${describe(text, offset)}${rest}`, offset);
}

/** The characters a string holds as they are: up to its closing quote, an escape or a control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON refuses raw control characters in a string, so a run stops at them
const PLAIN_RUN = /[^"\\\x00-\x1f]*/y;

/**
 * The offset just past the string that opens at `start`, negated when the string holds an escape
 * (so its value needs decoding).
 */
function stringEnd(text: string, start: number): number {
  PLAIN_RUN.lastIndex = start + 1;
  PLAIN_RUN.test(text);
  let at = PLAIN_RUN.lastIndex;
  if (text.charCodeAt(at) === QUOTE) return at + 1;
  let escaped = false;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) return escaped ? -(at + 1) : at + 1;
    if (c === BACKSLASH) {
      escaped = true;
      at += 2;
    } else if (c >= 32) at++;
    else if (at >= text.length) throw new SyntaxProblem("unterminated string", start);
    else throw new SyntaxProblem("control character in a string: escape it (\\n, \\t)", at);
  }
}

/** The value of the string from `start` to `end` (negated when it holds an escape), as stringEnd gives it. */
function stringValue(text: string, start: number, end: number): string {
  if (end > 0) return text.slice(start + 1, end - 1);
  try {
    return JSON.parse(text.slice(start, -end)) as string;
  } catch {
    throw new SyntaxProblem("invalid escape sequence in a string", start);
  }
}

function readString(text: string, start: number, parent: MapNode | SeqNode | undefined, key: string | number | undefined): ScalarNode {
  const end = stringEnd(text, start);
  return { kind: "scalar", value: stringValue(text, start, end), start, end: Math.abs(end), parent, key };
}

/** Where the property name that should open at `at` ends, as stringEnd gives it. */
function keyAt(text: string, at: number): number {
  if (text.charCodeAt(at) !== QUOTE) throw unexpected(text, at, ": expected a quoted property name");
  return stringEnd(text, at);
}

/** The offset after the `:` that follows a property name. */
function colonAfter(text: string, at: number): number {
  at = skipSpace(text, at);
  if (text.charCodeAt(at) !== COLON) throw unexpected(text, at, ': expected ":" after the property name');
  return at + 1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** true, false, null or a number, by JSON's grammar. */
function readLiteral(text: string, start: number, parent: MapNode | SeqNode | undefined, key: string | number | undefined): ScalarNode {
  const first = text.charCodeAt(start);
  if (first === 116 && text.startsWith("true", start)) return { kind: "scalar", value: true, start, end: start + 4, parent, key };
  if (first === 102 && text.startsWith("false", start)) return { kind: "scalar", value: false, start, end: start + 5, parent, key };
  if (first === 110 && text.startsWith("null", start)) return { kind: "scalar", value: null, start, end: start + 4, parent, key };
  let at = first === 45 ? start + 1 : start;
  let c = text.charCodeAt(at);
  let integer = 0;
  if (c === 48) c = text.charCodeAt(++at);
  else if (c >= 49 && c <= 57)
    do {
      integer = integer * 10 + c - 48;
      c = text.charCodeAt(++at);
    } while (isDigit(c));
  else throw unexpected(text, start, ": expected a value");
  let plainInteger = at - start <= 15;
  if (c === 46 && isDigit(text.charCodeAt(at + 1))) {
    plainInteger = false;
    at += 2;
    while (isDigit(text.charCodeAt(at))) at++;
    c = text.charCodeAt(at);
  }
  if (c === 101 || c === 69) {
    let exponent = at + 1;
    const sign = text.charCodeAt(exponent);
    if (sign === 43 || sign === 45) exponent++;
    if (isDigit(text.charCodeAt(exponent))) {
      plainInteger = false;
      at = exponent + 1;
      while (isDigit(text.charCodeAt(at))) at++;
    }
  }
  const value = plainInteger ? (first === 45 ? -integer : integer) : Number(text.slice(start, at));
  return { kind: "scalar", value, start, end: at, parent, key };
}

/** Finds keys given twice in one object, and reports each repeat as a ReaderProblem. */
class DuplicateKeys {
  /** First offset of each key, for the maps still open that have more than SCANNED_KEYS entries. */
  private readonly indexes = new Map<MapNode, Map<string, number>>();
  /** How often each repeated key has been seen so far, per map. */
  private readonly repeats = new Map<MapNode, Map<string, number>>();
  private lines: LineIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly problems: ReaderProblem[],
  ) {}

  /** Called with each key as it is read, before its entry joins the map. */
  /** `pending` from `mark` to `used` holds the entries of `map` read so far. */
  check(map: MapNode, pending: readonly unknown[], mark: number, used: number, key: string, start: number, end: number): void {
    const first = this.firstOffset(map, pending as readonly JsonEntry[], mark, used, key, start);
    if (first === undefined) return;
    let counts = this.repeats.get(map);
    if (!counts) {
      counts = new Map();
      this.repeats.set(map, counts);
    }
    const count = (counts.get(key) ?? 1) + 1;
    counts.set(key, count);
    this.lines ??= new LineIndex(this.text);
    const times = count === 2 ? "twice" : `${count} times`;
    this.problems.push({
      kind: "duplicate-key",
      message: `key "${printableExcerpt(key)}" appears ${times} in this object (first at line ${this.lines.position(first).line}); CloudFormation and ECS reject duplicate keys`,
      offset: start,
      end,
    });
  }

  closed(map: MapNode | SeqNode): void {
    if (map.kind !== "map") return;
    if (this.indexes.size > 0) this.indexes.delete(map);
    if (this.repeats.size > 0) this.repeats.delete(map);
  }

  private firstOffset(map: MapNode, entries: readonly JsonEntry[], mark: number, used: number, key: string, offset: number): number | undefined {
    if (used - mark <= SCANNED_KEYS) {
      for (let i = mark; i < used; i++) if (entries[i]!.key === key) return entries[i]!.keyStart;
      return undefined;
    }
    let index = this.indexes.get(map);
    if (!index) {
      index = new Map();
      for (let i = mark; i < used; i++) if (!index.has(entries[i]!.key)) index.set(entries[i]!.key, entries[i]!.keyStart);
      this.indexes.set(map, index);
    }
    const first = index.get(key);
    if (first === undefined) index.set(key, offset);
    return first;
  }

}
