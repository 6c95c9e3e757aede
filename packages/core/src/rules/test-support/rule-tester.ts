import { describe, expect, it } from "vitest";
import { lint } from "../../engine/lint.js";
import { loadDocument } from "../../loaders/load.js";
import type { Rule } from "../define.js";

export interface RuleCase {
  name: string;
  /** The file name decides the parser: `.json` or `.yaml`. */
  file?: string;
  code: string;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A fragment the message must contain. */
  message?: string;
  /** A fragment the message must not contain (a secret value, say). */
  notInMessage?: string;
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: (RuleCase & { errors: ExpectedFinding[] })[];
}

/** Like ESLint's RuleTester: valid cases report nothing, invalid ones exactly the findings listed. */
export function testRule(rule: Rule, cases: RuleCases): void {
  const run = ({ file = "task-definition.json", code }: RuleCase) => {
    const result = loadDocument(file, code);
    if (result.status !== "loaded") throw new Error(`test case did not load: ${JSON.stringify(result)}`);
    return lint([result], [rule], new Map([[rule.id, rule.severity]]));
  };

  describe(rule.id, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, testCase) => {
      expect(run(testCase)).toEqual([]);
    });

    it.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, testCase) => {
      const findings = run(testCase);
      expect(findings.map(({ messageId, line, column }) => ({ messageId, line, column }))).toEqual(
        testCase.errors.map(({ messageId, line, column }) => ({ messageId, line, column })),
      );
      testCase.errors.forEach((expected, index) => {
        const finding = findings[index]!;
        expect(finding.ruleId).toBe(rule.id);
        if (expected.endLine !== undefined) expect(finding.endLine).toBe(expected.endLine);
        if (expected.endColumn !== undefined) expect(finding.endColumn).toBe(expected.endColumn);
        if (expected.message !== undefined) expect(finding.message).toContain(expected.message);
        if (expected.notInMessage !== undefined) expect(finding.message).not.toContain(expected.notInMessage);
        expect(finding.message).not.toMatch(/\{\{/);
      });
    });
  });
}

/** Pretty JSON with the line numbers a test can count on. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
