import { IndentedQuotedLines, parseYamlFast } from "@shipshape/fast-yaml";
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument } from "yaml";
import type { Alias as YamlAlias, Document, DocumentOptions, ParseOptions, ParsedNode, YAMLError } from "yaml";
import { duplicateKeyProblem } from "./duplicate-key.js";
import { DEFAULT_READER_LIMITS, type ReaderLimits, type ReaderProblem } from "./limits.js";
import type { MapNode, Node, ScalarNode, SeqNode } from "./node.js";
import { SyntaxProblem } from "./parse-json.js";
import { deepNestingOffset } from "./yaml-nesting.js";
import { firstUnclosedQuote } from "./yaml-unclosed-quote.js";

/**
 * YAML, CloudFormation's short-form tags (`!Ref`, `!Sub`, `!GetAtt` ...) included: a tag the YAML
 * schema does not know is kept as a tagged node instead of being resolved, so rules can tell an
 * intrinsic function (a value unknown until deploy) from a literal. @shipshape/fast-yaml reads the
 * YAML templates are written in; what it declines goes through the `yaml` package, same tree.
 * A key given twice in a map is a problem pushed to `problems` (the tree keeps the last value).
 * Throws a SyntaxProblem for an error, several documents, or a text over `limits`.
 */
export function parseYaml(
  text: string,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
  problems?: ReaderProblem[],
): Node {
  return read(text, limits, problems, false)[0]!;
}

/** Every document of a `---` separated stream (a Kubernetes manifest, say); one for a plain file. */
export function parseYamlDocuments(
  text: string,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
  problems?: ReaderProblem[],
): Node[] {
  return read(text, limits, problems, true);
}

/** The reference path: the `yaml` package, for everything the fast reader declines. */
export function parseYamlWithPackage(
  text: string,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
  problems?: ReaderProblem[],
): Node {
  checkLength(text, limits);
  return readWithPackage(text, limits, problems, false)[0]!;
}

function read(text: string, limits: ReaderLimits, problems: ReaderProblem[] | undefined, all: boolean): Node[] {
  checkLength(text, limits);
  const found: ReaderProblem[] = [];
  const fast = parseYamlFast(text, {
    maxDepth: limits.maxDepth,
    onDuplicateKey: problems && ((first, second) => found.push(duplicateKeyProblem(text, first, second))),
  });
  if (!fast) return readWithPackage(text, limits, problems, all);
  problems?.push(...found);
  return [fast];
}

function checkLength(text: string, limits: ReaderLimits): void {
  if (text.length > limits.maxLength)
    throw new SyntaxProblem(`the file is longer than ${limits.maxLength} characters`, limits.maxLength);
}

const packageOptions: ParseOptions & DocumentOptions = { uniqueKeys: false, strict: false };
/**
 * Quoted scalars whose lines get indented cost one more parse each: at most 16 of them, and no more
 * re-parsing than 32 million characters in all, so a hostile file cannot multiply the parse time.
 */
const maxIndentedQuotes = 16;
const maxReparsedCharacters = 32_000_000;

function readWithPackage(
  text: string,
  limits: ReaderLimits,
  problems: ReaderProblem[] | undefined,
  all: boolean,
): Node[] {
  // The yaml package nests one call per level; beyond some 900 it runs out of stack.
  const deep = deepNestingOffset(text, 2 * limits.maxDepth);
  if (deep !== -1) throw new SyntaxProblem(`nesting deeper than ${limits.maxDepth} levels`, deep);
  const source = new IndentedQuotedLines(text);
  let documents: Document.Parsed[];
  for (let attempt = 0; ; attempt++) {
    documents = all
      ? Array.from(parseAllDocuments(source.text, packageOptions))
      : [parseDocument(source.text, packageOptions)];
    const errors = documents.flatMap((document) => document.errors);
    const error = errors[0];
    if (!error) break;
    const mayReparse = attempt < maxIndentedQuotes && (attempt + 1) * text.length <= maxReparsedCharacters;
    // Not only the first error: an under-indented continuation line may first be read as a
    // sequence item or map key of its own, the unclosed quote reported after it.
    const unclosed = errors.some(isUnclosedQuote);
    if (mayReparse && unclosed && source.indentQuoted(firstUnclosedQuote(source.text))) continue;
    throw syntaxProblem(error, source, limits);
  }
  if (documents.length === 0) documents = [parseDocument("", packageOptions)];
  const reader = new TreeReader(source, limits, problems);
  return documents.map((document) => reader.document(document));
}

function isUnclosedQuote(error: YAMLError): boolean {
  return error.code === "MISSING_CHAR" && /^Missing closing .?quote/.test(error.message);
}

function syntaxProblem(error: YAMLError, source: IndentedQuotedLines, limits: ReaderLimits): SyntaxProblem {
  const offset = source.toOriginal(error.pos[0]);
  if (error.code === "RESOURCE_EXHAUSTION")
    return new SyntaxProblem(`nesting deeper than ${limits.maxDepth} levels`, offset);
  return new SyntaxProblem(firstLine(error.message), offset);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Builds our tree from the `yaml` package's documents. Before building one, it sizes it: aliases
 * expand in our tree, so a few hundred bytes of nested aliases ("billion laughs") would make
 * billions of nodes; the size, counted without expanding, must stay within maxNodes over the
 * whole text, and the depth, aliases followed, within maxDepth.
 */
class TreeReader {
  private nodeCount = 0;
  private aliasesExpanded = false;
  private readonly sizes = new Map<ParsedNode, number>();
  private readonly sizing = new Set<ParsedNode>();
  private readonly targets = new Map<ParsedNode, ParsedNode | undefined>();
  private document_: Document.Parsed | undefined;

  constructor(
    private readonly source: IndentedQuotedLines,
    private readonly limits: ReaderLimits,
    private readonly problems: ReaderProblem[] | undefined,
  ) {}

  document(document: Document.Parsed): Node {
    this.document_ = document;
    const contents = document.contents as ParsedNode | null;
    if (!contents) {
      const at = this.at(document.range[0]);
      return { kind: "scalar", value: null, start: at, end: at };
    }
    this.nodeCount += this.size(contents, 0);
    if (this.nodeCount > this.nodeBudget()) this.tooManyNodes(contents.range[0]);
    return this.convert(contents);
  }

  private at(offset: number): number {
    return this.source.toOriginal(offset);
  }

  /** maxNodes, or the tighter maxAliasedNodes once an alias was expanded. */
  private nodeBudget(): number {
    return this.aliasesExpanded ? Math.min(this.limits.maxNodes, this.limits.maxAliasedNodes) : this.limits.maxNodes;
  }

  private tooManyNodes(offset: number): never {
    const why = this.aliasesExpanded ? " (YAML aliases)" : "";
    throw new SyntaxProblem(`the document expands to more than ${this.nodeBudget()} nodes${why}`, this.at(offset));
  }

  /** The node an alias names; the yaml package searches the document for it, so each alias is looked up once. */
  private target(alias: ParsedNode): ParsedNode | undefined {
    if (this.targets.has(alias)) return this.targets.get(alias);
    const found = (alias as unknown as { resolve(document: Document.Parsed): ParsedNode | undefined }).resolve(
      this.document_!,
    );
    this.targets.set(alias, found);
    return found;
  }

  /** How many of our nodes `node` becomes, aliases expanded (each anchored node sized once). */
  private size(node: ParsedNode | Alias, depth: number): number {
    if (depth > this.limits.maxDepth)
      throw new SyntaxProblem(`nesting deeper than ${this.limits.maxDepth} levels`, this.at(node.range[0]));
    if (isAlias(node)) {
      const target = this.target(node as ParsedNode);
      if (!target) return 1;
      this.aliasesExpanded = true;
      if (this.sizing.has(target))
        throw new SyntaxProblem("an alias refers to the node that holds it", this.at(node.range[0]));
      let size = this.sizes.get(target);
      if (size === undefined) {
        this.sizing.add(target);
        size = this.size(target, depth);
        this.sizing.delete(target);
        this.sizes.set(target, size);
      }
      return size;
    }
    const anchored = node.anchor !== undefined;
    if (anchored) {
      const known = this.sizes.get(node);
      if (known !== undefined) return known;
      this.sizing.add(node);
    }
    const tagged = isTagged(node) ? 1 : 0;
    let size = 1 + tagged;
    const childDepth = depth + 1 + tagged;
    const budget = this.nodeBudget() - this.nodeCount;
    if (isMap(node)) {
      for (const pair of node.items) {
        size += 1 + (pair.value ? this.size(pair.value as ParsedNode, childDepth) : 1);
        if (size > budget) this.tooManyNodes(pair.value ? (pair.value as ParsedNode).range[0] : node.range[0]);
      }
    } else if (isSeq(node))
      for (const item of node.items) {
        size += this.size(item as ParsedNode, childDepth);
        if (size > budget) this.tooManyNodes((item as ParsedNode).range[0]);
      }
    if (anchored) {
      this.sizing.delete(node);
      this.sizes.set(node, size);
    }
    return size;
  }

  private convert(yamlNode: ParsedNode | Alias): Node {
    if (isAlias(yamlNode)) {
      const target = this.target(yamlNode as ParsedNode);
      if (!target)
        return { kind: "scalar", value: null, start: this.at(yamlNode.range[0]), end: this.at(yamlNode.range[1]) };
      return this.convert(target);
    }
    const start = this.at(yamlNode.range[0]);
    const end = this.at(yamlNode.range[1]);
    let node: Node;
    if (isMap(yamlNode)) {
      const map: MapNode = { kind: "map", entries: [], start, end };
      const seen = this.problems && yamlNode.items.length > 1 ? new Map<string, ScalarNode>() : undefined;
      for (const pair of yamlNode.items) {
        if (!isPair(pair)) continue;
        const keySource = pair.key as ParsedNode | null;
        const key = keySource && isScalar(keySource) ? String(keySource.value) : String(keySource ?? "");
        const keyStart = keySource ? this.at(keySource.range[0]) : start;
        const keyEnd = keySource ? this.at(keySource.range[1]) : start;
        const keyNode: ScalarNode = { kind: "scalar", value: key, start: keyStart, end: keyEnd, parent: map, key };
        const value: Node = pair.value
          ? this.convert(pair.value as ParsedNode)
          : { kind: "scalar", value: null, start: keyEnd, end: keyEnd };
        value.parent = map;
        value.key = key;
        map.entries.push({ key, keyNode, value });
        if (seen) {
          const first = seen.get(key);
          if (first) this.problems!.push(duplicateKeyProblem(this.source.original, first, keyNode));
          seen.set(key, keyNode);
        }
      }
      node = map;
    } else if (isSeq(yamlNode)) {
      const seq: SeqNode = { kind: "seq", items: [], start, end };
      for (const item of yamlNode.items) {
        const child = this.convert(item as ParsedNode);
        child.parent = seq;
        child.key = seq.items.length;
        seq.items.push(child);
      }
      node = seq;
    } else {
      const value = (yamlNode as { value: unknown }).value;
      const scalar =
        typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
      node = { kind: "scalar", value: typeof value === "bigint" ? Number(value) : scalar, start, end };
    }
    if (!isTagged(yamlNode)) return node;
    const tag = yamlNode.tag!;
    const tagStart = this.at(tagStartIn(this.source.text, yamlNode.range[0], tag));
    const tagged: Node = { kind: "tagged", tag: tag.slice(1), value: node, start: tagStart, end };
    node.parent = tagged;
    return tagged;
  }
}

type Alias = YamlAlias.Parsed;

/** A local tag such as `!Ref` (not a `!!` core-schema tag): a tagged node in our tree. */
function isTagged(node: ParsedNode | Alias): boolean {
  const tag = (node as { tag?: string }).tag;
  return tag?.startsWith("!") === true && !tag.startsWith("!!");
}

/** The YAML parser's range starts after the tag; a finding on `!Ref X` should point at `!Ref`. */
function tagStartIn(text: string, valueStart: number, tag: string): number {
  let at = valueStart;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return text.startsWith(tag, at - tag.length) ? at - tag.length : valueStart;
}
