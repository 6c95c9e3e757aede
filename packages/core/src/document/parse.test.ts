import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_READER_LIMITS, type ReaderProblem } from "./limits.js";
import { entry, pathOf, toPlain, type MapNode, type Node } from "./node.js";
import { parseJson, SyntaxProblem } from "./parse-json.js";
import { parseYaml } from "./parse-yaml.js";
import { LineIndex } from "./position.js";

const at = (text: string, node: Node) => new LineIndex(text).position(node.start);

describe("parseJson", () => {
  it.each([
    ['{"a": 1, "b": [true, false, null], "c": {"d": "e"}}'],
    ['[1, -2.5e3, "x\\n\\u00e9", {}]'],
    ['"just a string"'],
    ["\ufeff{}"],
  ])("reads %s as JSON.parse does", (text) => {
    expect(toPlain(parseJson(text))).toEqual(JSON.parse(text.replace(/^\ufeff/, "")));
  });

  it("keeps the position of every node and the path to it", () => {
    const text = '{\n  "containers": [\n    { "name": "web" }\n  ]\n}';
    const root = parseJson(text) as MapNode;
    const container = (root.entries[0]!.value as { items: Node[] }).items[0] as MapNode;
    const name = container.entries[0]!.value;
    expect(at(text, name)).toEqual({ line: 3, column: 15 });
    expect(pathOf(name)).toBe("containers[0].name");
  });

  it.each([
    ['{"a": 1,}', "expected a quoted property name", 8],
    ['{"a" 1}', 'expected ":"', 5],
    ['{"a": [1 2]}', 'expected "," or "]"', 9],
    ['{"a": "x', "unterminated string", 6],
    ["", "expected a value", 0],
    ['{"a": 1} x', "after the end of the JSON value", 9],
    ['{"a": tru}', "expected a value", 6],
  ])("reports %s with its position", (text, message, offset) => {
    try {
      parseJson(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SyntaxProblem);
      expect((error as SyntaxProblem).message).toContain(message);
      expect((error as SyntaxProblem).offset).toBe(offset);
    }
  });
});

const problemOf = (read: () => unknown): SyntaxProblem => {
  try {
    read();
  } catch (error) {
    if (error instanceof SyntaxProblem) return error;
    throw error;
  }
  throw new Error("no SyntaxProblem");
};

describe("parseJson on any JSON", () => {
  it("reads what JSON.parse reads, to the same value", () => {
    fc.assert(
      fc.property(fc.json(), fc.boolean(), (text, pretty) => {
        const source = pretty ? JSON.stringify(JSON.parse(text), null, 2) : text;
        expect(toPlain(parseJson(source))).toEqual(JSON.parse(source));
      }),
      { numRuns: 300 },
    );
  });

  it("places every value and key at the text that holds it, whatever the spacing and escapes", () => {
    const spaced = fc.tuple(fc.json(), fc.constantFrom("", " ", "\n  ", "\r\n\t", "  \n    ")).map(([text, space]) =>
      // Spacing around every structural character that is not inside a string.
      text.replace(/("(?:[^"\\]|\\.)*")|([{}[\],:])/g, (match, string) => (string ? match : `${space}${match}${space}`)),
    );
    fc.assert(
      fc.property(spaced, fc.boolean(), (text, escaped) => {
        // Letters inside strings written as \u escapes, so values and keys need decoding.
        const source = escaped
          ? text.replace(/"(?:[^"\\]|\\.)*"/g, (string) => string.replace(/(?<!\\)[g-z]/g, (letter) => `\\u00${letter.charCodeAt(0).toString(16)}`))
          : text;
        const visit = (node: Node): void => {
          expect(JSON.parse(source.slice(node.start, node.end))).toEqual(toPlain(node));
          if (node.kind === "map")
            for (const { key, keyNode, value } of node.entries) {
              expect(JSON.parse(source.slice(keyNode.start, keyNode.end))).toBe(key);
              visit(value);
            }
          else if (node.kind === "seq") node.items.forEach(visit);
        };
        visit(parseJson(source));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a __proto__ key as an own property, as JSON.parse does", () => {
    const text = '{"__proto__": {"polluted": true}, "a": 1}';
    expect(toPlain(parseJson(text))).toStrictEqual(JSON.parse(text));
  });

  it("refuses what JSON.parse refuses", () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom("", "{", "}", "[", "]", ",", ":", '"', "-", "0", ".", "e", "\\", "\u0001"), (text, at, insert) => {
        const mutated = text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1);
        let expected = true;
        try {
          JSON.parse(mutated);
        } catch {
          expected = false;
        }
        let read = true;
        try {
          parseJson(mutated);
        } catch (error) {
          expect(error).toBeInstanceOf(SyntaxProblem);
          read = false;
        }
        expect(read).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseJson limits", () => {
  it("reads nesting as deep as the limit and refuses one level more, with the offset of the bracket", () => {
    const deep = (levels: number) => `${"[".repeat(levels)}1${"]".repeat(levels)}`;
    expect(() => parseJson(deep(DEFAULT_READER_LIMITS.maxDepth))).not.toThrow();
    const problem = problemOf(() => parseJson(deep(DEFAULT_READER_LIMITS.maxDepth + 1)));
    expect(problem.message).toBe(`nesting deeper than ${DEFAULT_READER_LIMITS.maxDepth} levels`);
    expect(problem.offset).toBe(DEFAULT_READER_LIMITS.maxDepth);
  });

  it("reads 200,000 levels of nesting without running out of stack", () => {
    const text = `${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}`;
    const limits = { ...DEFAULT_READER_LIMITS, maxDepth: 200_000 };
    expect(toPlain(parseJson('{"a":{"a":[[]]}}', limits))).toEqual({ a: { a: [[]] } });
    const root = parseJson(text, limits) as MapNode;
    expect(root.kind).toBe("map");
    expect(problemOf(() => parseJson(text)).message).toMatch(/^nesting deeper than 256 levels$/);
  });

  it("refuses more values than maxNodes, and text longer than maxLength", () => {
    const limits = { maxLength: 100, maxDepth: 10, maxNodes: 4, maxAliasedNodes: 4 };
    expect(toPlain(parseJson("[1, 2, 3]", limits))).toEqual([1, 2, 3]);
    expect(problemOf(() => parseJson("[1, 2, 3, 4]", limits))).toMatchObject({ message: "more than 4 values, the reader's limit", offset: 10 });
    expect(problemOf(() => parseJson(`[${" ".repeat(100)}]`, limits)).message).toMatch(/longer than the reader's limit of 100 characters/);
  });

  it("shows an unexpected character escaped, never raw", () => {
    expect(problemOf(() => parseJson('{"a": \u0007}')).message).toBe('unexpected "\\u0007": expected a value');
    expect(problemOf(() => parseJson("[\u00e9]")).message).toBe('unexpected "\\u00e9": expected a value');
    expect(problemOf(() => parseJson("[1]\u001b[31m")).message).toBe('unexpected "\\u001b" after the end of the JSON value');
  });
});

describe("parseJson duplicate keys", () => {
  const read = (text: string) => {
    const problems: ReaderProblem[] = [];
    const root = parseJson(text, DEFAULT_READER_LIMITS, problems) as MapNode;
    return { root, problems };
  };

  it("reports the second key with its offsets and the first one's line, and keeps the last value", () => {
    const text = '{\n  "family": "web",\n  "image": "a",\n  "cpu": 256,\n  "image": "b"\n}';
    const { root, problems } = read(text);
    expect(problems).toEqual([
      {
        kind: "duplicate-key",
        message: 'key "image" appears twice in this object (first at line 3); CloudFormation and ECS reject duplicate keys',
        offset: text.lastIndexOf('"image"'),
        end: text.lastIndexOf('"image"') + 7,
      },
    ]);
    expect(toPlain(root)).toEqual({ family: "web", image: "b", cpu: 256 });
    expect(entry(root, "image")).toMatchObject({ value: "b" });
  });

  it("counts a third repeat, and tells maps apart", () => {
    const { problems } = read('{"a": 1, "b": {"a": 2}, "a": 3, "a": 4}');
    expect(problems.map((p) => p.message.slice(0, 24))).toEqual(['key "a" appears twice in', 'key "a" appears 3 times ']);
  });

  it("finds repeats in large objects, each once", () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `"k${i}": ${i}`);
    const text = `{${keys.join(", ")}, "k5": 0, "k999": 0, "k1000": 0}`;
    const { problems } = read(text);
    expect(problems.map((p) => p.offset)).toEqual([text.lastIndexOf('"k5"'), text.lastIndexOf('"k999"')]);
  });

  it("escapes the key it names", () => {
    const { problems } = read('{"\\u0000x": 1, "\\u0000x": 2}');
    expect(problems[0]!.message).toMatch(/^key "\\u0000x" appears twice/);
  });

  it("reports nothing without a problems list", () => {
    expect(toPlain(parseJson('{"a": 1, "a": 2}'))).toEqual({ a: 2 });
  });
});

describe("parseYaml", () => {
  it("keeps CloudFormation short-form tags as tagged nodes", () => {
    const text = "Resources:\n  T:\n    Properties:\n      Role: !GetAtt Role.Arn\n      Name: !Sub '${AWS::StackName}-x'\n      List: !Split [',', 'a,b']\n";
    const plain = toPlain(parseYaml(text)) as { Resources: { T: { Properties: Record<string, unknown> } } };
    expect(plain.Resources.T.Properties).toEqual({
      Role: { GetAtt: "Role.Arn" },
      Name: { Sub: "${AWS::StackName}-x" },
      List: { Split: [",", "a,b"] },
    });
  });

  it("locates nodes and resolves aliases", () => {
    const text = "base: &b\n  cpu: 256\ntask:\n  size: *b\n";
    const root = parseYaml(text) as MapNode;
    expect(toPlain(root)).toEqual({ base: { cpu: 256 }, task: { size: { cpu: 256 } } });
    const cpu = (root.entries[0]!.value as MapNode).entries[0]!.value;
    expect(at(text, cpu)).toEqual({ line: 2, column: 8 });
  });

  it("reports syntax errors with an offset", () => {
    expect(() => parseYaml("a: [1, 2\nb: c")).toThrow(SyntaxProblem);
  });
});
