import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseYamlFast } from "@shipshape/fast-yaml";
import { describe, expect, it } from "vitest";
import { DEFAULT_READER_LIMITS, type ReaderLimits, type ReaderProblem } from "./limits.js";
import { type MapNode, type Node, toPlain } from "./node.js";
import { SyntaxProblem } from "./parse-json.js";
import { parseYaml, parseYamlDocuments, parseYamlWithPackage } from "./parse-yaml.js";
import { LineIndex } from "./position.js";

/** A node as plain data, offsets and keys included. */
function described(node: Node): unknown {
  switch (node.kind) {
    case "scalar":
      return { scalar: node.value, start: node.start, end: node.end, key: node.key };
    case "tagged":
      return { tag: node.tag, start: node.start, end: node.end, key: node.key, value: described(node.value) };
    case "seq":
      return { seq: node.items.map(described), start: node.start, end: node.end, key: node.key };
    case "map":
      return {
        map: node.entries.map((entry) => [entry.key, described(entry.keyNode), described(entry.value)]),
        start: node.start,
        end: node.end,
        key: node.key,
      };
  }
}

const repository = fileURLToPath(new URL("../../../../", import.meta.url));
const exampleFiles = readdirSync(join(repository, "examples"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => join("examples", file));

describe("parseYaml", () => {
  it.each(exampleFiles)("reads %s the same on the fast path and through the yaml package", (file) => {
    const text = readFileSync(join(repository, file), "utf8");
    const fast = parseYamlFast(text);
    expect(fast).toBeDefined();
    expect(described(fast!)).toEqual(described(parseYamlWithPackage(text)));
  });

  it("leaves what the fast reader declines to the yaml package", () => {
    const text = "base: &b\n  cpu: 256\ntask: *b\n";
    expect(parseYamlFast(text)).toBeUndefined();
    expect(described(parseYaml(text))).toEqual(described(parseYamlWithPackage(text)));
  });
});

/** The SyntaxProblem a read throws, with the line and column it points at. */
function problemOf(read: () => unknown, text: string): { message: string; line: number; column: number } {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxProblem);
    const { message, offset } = error as SyntaxProblem;
    return { message, ...new LineIndex(text).position(offset) };
  }
  throw new Error("the text was read without a problem");
}

const limits = (changes: Partial<ReaderLimits>): ReaderLimits => ({ ...DEFAULT_READER_LIMITS, ...changes });

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings once expanded. */
const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefghi".split("").map((name, i) => {
    const previous = "abcdefghi"[i]!;
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`;
  }),
].join("\n");

describe("parseYaml on hostile input", () => {
  it("stops a document whose aliases expand past the node budget", () => {
    expect(billionLaughs.length).toBeLessThan(600);
    expect(problemOf(() => parseYaml(billionLaughs), billionLaughs)).toEqual({
      message: "the document expands to more than 250000 nodes (YAML aliases)",
      line: 6,
      column: 17,
    });
    const small = limits({ maxNodes: 100 });
    expect(problemOf(() => parseYaml(billionLaughs, small), billionLaughs).message).toBe(
      "the document expands to more than 100 nodes (YAML aliases)",
    );
  });

  it("expands aliases within the budget", () => {
    const text = "base: &b {cpu: 256}\ntask: *b\nother: *b\n";
    expect(toPlain(parseYaml(text, limits({ maxNodes: 13 })))).toEqual({
      base: { cpu: 256 },
      task: { cpu: 256 },
      other: { cpu: 256 },
    });
    expect(() => parseYaml(text, limits({ maxNodes: 12 }))).toThrow("more than 12 nodes (YAML aliases)");
  });

  it("refuses an alias inside the node it names", () => {
    expect(problemOf(() => parseYaml("a: &a [1, *a]\n"), "a: &a [1, *a]\n")).toEqual({
      message: "an alias refers to the node that holds it",
      line: 1,
      column: 11,
    });
  });

  it("counts nodes without aliases too", () => {
    const text = "- 1\n- 2\n- 3\n- &x 4\n";
    expect(() => parseYaml(text, limits({ maxNodes: 4 }))).toThrow("the document expands to more than 4 nodes");
    expect(toPlain(parseYaml(text, limits({ maxNodes: 5 })))).toEqual([1, 2, 3, 4]);
  });

  const deep = (depth: number) => ({
    "block maps": `${Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}a:\n`).join("")}${" ".repeat(depth)}x\n`,
    "block sequences": `${Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}-\n`).join("")}${" ".repeat(depth)}x\n`,
    "compact sequences": `${"- ".repeat(depth)}x\n`,
    "flow sequences": `a: ${"[".repeat(depth)}${"]".repeat(depth)}\n`,
    "flow maps": `${"{a: ".repeat(depth)}1${"}".repeat(depth)}\n`,
  });

  it.each(Object.entries(deep(3000)))("refuses 3,000 levels of %s with a plain problem", (_, text) => {
    const problem = problemOf(() => parseYaml(text), text);
    expect(problem.message).toBe("nesting deeper than 256 levels");
    expect(problem.line).toBeGreaterThanOrEqual(1);
  });

  it.each(Object.keys(deep(1)))("reads %s up to maxDepth, and refuses one level more", (shape) => {
    const shallow = limits({ maxDepth: 40 });
    const within = deep(40)[shape as keyof ReturnType<typeof deep>];
    const beyond = deep(41)[shape as keyof ReturnType<typeof deep>];
    expect(parseYaml(within, shallow).kind).not.toBe("scalar");
    expect(problemOf(() => parseYaml(beyond, shallow), beyond).message).toBe("nesting deeper than 40 levels");
  });

  it.each([
    ["after a tag in a flow sequence", `a: !Split [',', !ImportValue 'net${"[".repeat(600)}']\n`],
    ["in a block value", `a: "${"{".repeat(600)}"\nb: [x]\n`],
    ["in a block scalar", `a: |\n  ${"[".repeat(600)}\nb: 1\n`],
    ["in a comment", `a: [1, 2] # ${"[".repeat(600)}\n`],
  ])("does not count brackets as nesting %s", (_, text) => {
    const anchored = `${text}z: &z 1\n`; // declined by the fast reader: the yaml package reads it
    expect(parseYamlFast(anchored)).toBeUndefined();
    expect(toPlain(parseYamlWithPackage(anchored))).toMatchObject({ z: 1 });
  });

  it("counts tags as a level", () => {
    const text = "a: !If [x, !If [y, z]]\n";
    expect(toPlain(parseYaml(text, limits({ maxDepth: 4 })))).toEqual({ a: { If: ["x", { If: ["y", "z"] }] } });
    expect(() => parseYaml(text, limits({ maxDepth: 3 }))).toThrow("nesting deeper than 3 levels");
  });

  it("refuses a text over maxLength", () => {
    expect(problemOf(() => parseYaml("a: 1234\n", limits({ maxLength: 5 })), "a: 1234\n")).toEqual({
      message: "the file is longer than 5 characters",
      line: 1,
      column: 6,
    });
  });
});

describe("parseYaml on what PyYAML and cfn-lint read", () => {
  // Values as PyYAML 6 gives them (yaml.safe_load).
  it.each([
    [
      "a double-quoted scalar continued at its key's indentation",
      'Description: "AWS CloudFormation Sample Template ECS:\nthe cluster, its service\n\nand more."\nResources: {}\n',
      { Description: "AWS CloudFormation Sample Template ECS: the cluster, its service\nand more.", Resources: {} },
    ],
    [
      "a single-quoted scalar continued left of its key",
      "Outputs:\n  Url:\n    Value: 'http://\n  example.com'\n",
      { Outputs: { Url: { Value: "http:// example.com" } } },
    ],
    // `#` inside a quoted scalar is content, not a comment; the yaml package first reads the
    // under-indented line as an item or key of its own, then reports the unclosed quote.
    [
      "a quoted scalar opening with a quote, a `#` line left of it, in a sequence",
      "- - - '" + "''\n  # not a comment\n\n      '\n    - 0\n- false\n",
      [[["' # not a comment\n", 0]], false],
    ],
    [
      "a quoted scalar with a `#` line at its key's column",
      "Tags:\n  - Value: 'a\n  # not a comment\n    b'\n",
      { Tags: [{ Value: "a # not a comment b" }] },
    ],
    ["a quoted scalar in a sequence, CRLF line breaks", '- "first\r\nsecond"\r\n- b\r\n', ["first second", "b"]],
    // The yaml package alone refuses a byte-order mark before a root sequence.
    ["a sequence after a byte-order mark", "\ufeff- a\n- b: 1\n", ["a", { b: 1 }]],
  ])("reads %s", (_, text, expected) => {
    const fast = parseYamlFast(text);
    expect(fast && toPlain(fast)).toEqual(expected);
    expect(toPlain(parseYaml(text))).toEqual(expected);
    expect(described(parseYamlWithPackage(text))).toEqual(described(fast!));
  });

  it("reads such a scalar through the yaml package when the fast reader declines the file", () => {
    const text = 'a: &x "one\ntwo"\nb: *x\nc: 1\n';
    expect(parseYamlFast(text)).toBeUndefined();
    const root = parseYaml(text) as MapNode;
    expect(toPlain(root)).toEqual({ a: "one two", b: "one two", c: 1 });
    expect(root.entries[2]!.keyNode).toMatchObject({ start: 22, end: 23 });
    const withMark = parseYaml(`\ufeff${text}`) as MapNode;
    expect(toPlain(withMark)).toEqual({ a: "one two", b: "one two", c: 1 });
    expect(withMark.entries[2]!.keyNode).toMatchObject({ start: 23, end: 24 });
    expect(withMark.entries[0]!.value).toMatchObject({ start: 7, end: 16 });
  });

  it("still reports a quoted scalar that never closes", () => {
    const text = 'a: "one\nb: 1\n';
    expect(problemOf(() => parseYaml(text), text).message).toMatch(/Missing closing "quote/);
  });
});

describe("parseYamlDocuments", () => {
  it("reads every document of a stream, each located in the file", () => {
    const text = "apiVersion: v1\nkind: Service\n---\nkind: Deployment\nspec: {replicas: 2}\n---\n";
    const documents = parseYamlDocuments(text);
    expect(documents.map(toPlain)).toEqual([
      { apiVersion: "v1", kind: "Service" },
      { kind: "Deployment", spec: { replicas: 2 } },
      null,
    ]);
    expect(new LineIndex(text).position(documents[1]!.start)).toEqual({ line: 4, column: 1 });
  });

  it("reads a single document as parseYaml does", () => {
    const text = "a: 1\n";
    expect(parseYamlDocuments(text).map(described)).toEqual([described(parseYaml(text))]);
  });

  it("leaves several documents an error to parseYaml", () => {
    expect(problemOf(() => parseYaml("a: 1\n---\nb: 2\n"), "a: 1\n---\nb: 2\n")).toMatchObject({
      message: expect.stringContaining("multiple documents"),
      line: 2,
    });
  });
});

describe("duplicate keys", () => {
  const text = "Task:\n  Image: a\n  Cpu: 1\n  Image: b\nOther: {x: 1, x: 2}\n";
  const expected: ReaderProblem[] = [
    {
      kind: "duplicate-key",
      message: 'key "Image" appears twice in this map (line 2); CloudFormation rejects duplicate keys',
      offset: 28,
      end: 33,
    },
    {
      kind: "duplicate-key",
      message: 'key "x" appears twice in this map (line 5); CloudFormation rejects duplicate keys',
      offset: 51,
      end: 52,
    },
  ];

  it.each([
    ["on the fast path", text],
    ["through the yaml package", `${text}anchor: &a 1\n`],
  ])("are problems %s, the tree keeping the last value", (_, source) => {
    const problems: ReaderProblem[] = [];
    const root = parseYaml(source, DEFAULT_READER_LIMITS, problems);
    expect(problems).toEqual(expected);
    expect(toPlain(root)).toMatchObject({ Task: { Image: "b", Cpu: 1 }, Other: { x: 2 } });
  });

  it("are found in large maps too", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}: ${i}`);
    const source = [...keys, "k33: again"].join("\n");
    const problems: ReaderProblem[] = [];
    parseYaml(source, DEFAULT_READER_LIMITS, problems);
    expect(problems.map((problem) => problem.message)).toEqual([
      'key "k33" appears twice in this map (line 34); CloudFormation rejects duplicate keys',
    ]);
  });

  it("are not reported for a file the fast reader starts and then declines", () => {
    const problems: ReaderProblem[] = [];
    parseYaml("a: 1\na: 2\nb: &x 1\n", DEFAULT_READER_LIMITS, problems);
    expect(problems).toHaveLength(1);
  });
});
