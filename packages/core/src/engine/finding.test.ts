import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareFindings, type Finding, sortFindings } from "./finding.js";

// Texts that sort differently by code unit and by locale, and two spellings of "á" that compare equal.
const text = fc.constantFrom("a", "B", "b", "á", "a\u0301", "a-b", "ab", "Z", "x/y.yaml", "x/Y.yaml");
const finding = fc.record({ file: text, ruleId: text, line: fc.integer({ min: 1, max: 3 }), column: fc.constant(1) });

describe("sortFindings", () => {
  it("puts findings in compareFindings order, keeping ties in place", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), (list) => {
        // `message` tells apart findings the sort must leave in the order they came
        const findings = list.map((item, index) => ({ ...item, message: String(index) })) as unknown as Finding[];
        expect(sortFindings([...findings])).toEqual([...findings].sort(compareFindings));
      }),
    );
  });
});
