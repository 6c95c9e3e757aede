import type { Finding, LintReport, Severity } from "@shipshape/core";
import { describe, expect, it } from "vitest";
import { stylish } from "./stylish.js";

function finding(file: string, line: number, severity: Severity, ruleId: string): Finding {
  return {
    ruleId,
    messageId: "m",
    severity,
    message: `${ruleId} at ${line}`,
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    path: "",
  };
}

const report = (findings: Finding[]): LintReport => ({
  findings,
  checkedFiles: [...new Set(findings.map((f) => f.file))],
  skippedFiles: [],
});

const context = { rules: [], color: false, toolVersion: "0.0.0" };

describe("stylish", () => {
  const findings = [
    finding("web.json", 4, "warning", "read-only-root-filesystem"),
    finding("web.json", 9, "error", "no-plaintext-secrets"),
    finding("web.json", 12, "info", "image-digest-pinned"),
    finding("web.json", 15, "warning", "health-check-missing"),
    finding("web.json", 20, "error", "image-tag-pinned"),
    finding("worker.json", 2, "warning", "read-only-root-filesystem"),
    finding("worker.json", 7, "warning", "read-only-root-filesystem"),
  ];

  it("leads each file with its errors, then warnings, then info, in line order within a severity", () => {
    const out = stylish(report(findings), context);
    const webLines = out.split("\n").slice(1, 6).map((line) => line.trim().split(/\s+/).slice(0, 2).join(" "));
    expect(webLines).toEqual(["9:3 error", "20:3 error", "4:3 warning", "15:3 warning", "12:3 info"]);
  });

  it("ends with one line per rule, by severity then count, before the total", () => {
    const out = stylish(report(findings), context);
    const tail = out.trimEnd().split("\n").slice(-7);
    expect(tail).toEqual([
      "  1  error    image-tag-pinned",
      "  1  error    no-plaintext-secrets",
      "  3  warning  read-only-root-filesystem",
      "  1  warning  health-check-missing",
      "  1  info     image-digest-pinned",
      "",
      "✖ 7 problems (2 errors, 4 warnings, 1 info) in 2 files",
    ]);
  });

  it("right-aligns counts of several digits", () => {
    const many = Array.from({ length: 12 }, (_, i) => finding("a.json", i + 1, "warning", "read-only-root-filesystem"));
    const out = stylish(report([...many, finding("a.json", 40, "error", "no-plaintext-secrets")]), context);
    expect(out).toContain("\n   1  error    no-plaintext-secrets\n  12  warning  read-only-root-filesystem\n");
  });

  it("prints no tally for a clean run", () => {
    expect(stylish({ findings: [], checkedFiles: ["a.json"], skippedFiles: [] }, context)).toBe("No problems in 1 file.\n");
  });

  it("leaves the report's own order alone (json, sarif and github read it)", () => {
    const input = report(findings);
    const before = input.findings.map((f) => `${f.file}:${f.line}`);
    stylish(input, context);
    expect(input.findings.map((f) => `${f.file}:${f.line}`)).toEqual(before);
  });
});
