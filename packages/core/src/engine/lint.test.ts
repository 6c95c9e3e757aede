import { describe, expect, it } from "vitest";
import type { MapNode } from "../document/node.js";
import type { LoadResult } from "../loaders/load.js";
import { Obj } from "../model/obj.js";
import type { Resource } from "../model/resources.js";
import { defineRule } from "../rules/define.js";
import { DUPLICATE_KEY, PARSE_ERROR } from "./finding.js";
import { lint } from "./lint.js";
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

describe("lint at scale", () => {
  it("gathers over 200,000 findings of one document without spreading them into a call", () => {
    const count = 200_001;
    const root: MapNode = { kind: "map", entries: [], start: 0, end: 2 };
    const resources = Array.from(
      { length: count },
      (_, index) => ({ kind: "cluster", name: `C${index}`, props: new Obj(root), suppressed: new Map() }) as unknown as Resource,
    );
    const everyCluster = defineRule({
      id: "every-cluster",
      title: "t",
      severity: "warning",
      description: "d",
      rationale: "r",
      fix: "f",
      references: [],
      messages: { seen: "seen" },
      check: { cluster: (cluster, context) => context.report(cluster.props.node, "seen") },
    });
    const result: LoadResult = {
      status: "loaded",
      document: { file: "big.json", text: "{}", root, description: "d", resources, problems: [] },
    };
    const findings = lint([result], [everyCluster], new Map([["every-cluster", "warning"]]));
    expect(findings).toHaveLength(count);
    expect(findings[count - 1]).toMatchObject({ ruleId: "every-cluster", line: 1, column: 1 });
  });
});
