import { describe, expect, it } from "vitest";
import { pathOf, toPlain, type MapNode, type Node } from "./node.js";
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
