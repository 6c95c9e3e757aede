import { describe, expect, it } from "vitest";
import { DUPLICATE_KEY, PARSE_ERROR } from "./finding.js";
import { lintSources } from "./run.js";

const findingsOf = (file: string, text: string) => lintSources([{ file, text }], { rules: [] }).findings;

describe("lint's pseudo-rules", () => {
  it("reports each key given twice at the second key, as an error", () => {
    const text = '{\n  "family": "web",\n  "containerDefinitions": [\n    {"name": "a", "image": "x:1", "image": "y:1"}\n  ]\n}\n';
    expect(findingsOf("td.json", text)).toEqual([
      {
        ruleId: DUPLICATE_KEY,
        messageId: "duplicate-key",
        severity: "error",
        message: 'key "image" appears twice in this object (first at line 4); CloudFormation and ECS reject duplicate keys',
        file: "td.json",
        line: 4,
        column: 35,
        endLine: 4,
        endColumn: 42,
        path: "",
      },
    ]);
  });

  it("reports nothing for a file that is not an ECS document, repeated keys or not", () => {
    expect(findingsOf("package.json", '{"name": "a", "name": "b"}')).toEqual([]);
  });

  it("reports a binary file as not text, at its first NUL", () => {
    expect(findingsOf("td.json", '{\n  "family": "\u0000"}')).toEqual([
      expect.objectContaining({ ruleId: PARSE_ERROR, line: 2, column: 14, message: expect.stringContaining("not a text file") }),
    ]);
  });
});
