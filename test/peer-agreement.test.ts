// The peers' own ECS and ECR test cases (test/corpus/peers) agree with shipshape, or the rule's
// page explains why not. Runs the built CLI once over the stored cases (bench/agreement-fixtures.mjs);
// starts no service.
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  evaluatePeerFixtures,
  loadDocumentedDifferences,
  type PeerCase,
  type PeerComparison,
} from "../bench/agreement-fixtures.mjs";

const repoRoot = new URL("../", import.meta.url);
const keyOf = ({ peer, file, rule }: { peer: string; file: string; rule: string }) => `${peer} ${file} ${rule}`;
const describeCase = (r: PeerComparison) =>
  `${r.peer} ${r.peerId} → ${r.rule}: ${r.file} (peer ${r.expected}, ours ${r.ours})`;

/** The text under a page's heading whose anchor is `anchor`, down to the next heading of the same or a higher level. */
function section(page: string, anchor: string): string | undefined {
  const lines = page.split("\n");
  const start = lines.findIndex(
    (line) => /^#+ /.test(line) && line.replace(/^#+ /, "").toLowerCase().replace(/\s+/g, "-") === anchor,
  );
  if (start < 0) return undefined;
  const level = lines[start]!.match(/^#+/)![0].length;
  const end = lines.findIndex(
    (line, index) => index > start && /^#+ /.test(line) && line.match(/^#+/)![0].length <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

describe("peer test cases", () => {
  let results: PeerComparison[];
  let unmapped: PeerCase[];
  beforeAll(() => {
    ({ results, unmapped } = evaluatePeerFixtures());
  });

  it("compares cases of every peer", () => {
    expect(new Set(results.map((r) => r.peer))).toEqual(new Set(["cfn-lint", "KICS", "trivy"]));
    expect(unmapped.map((c) => `${c.peer} ${c.peerId}`)).toEqual([]);
  });

  it("agrees on every case, or the difference is documented", () => {
    expect(results.filter((r) => r.outcome === "disagree").map(describeCase)).toEqual([]);
  });

  it("reads every case's file, Terraform included", () => {
    expect(results.filter((r) => r.ours.startsWith("skipped")).map(describeCase)).toEqual([]);
  });

  it("lists no documented difference that no longer differs", () => {
    const used = new Set(results.filter((r) => r.outcome === "documented").map(keyOf));
    expect(loadDocumentedDifferences().filter((entry) => !used.has(keyOf(entry)))).toEqual([]);
  });

  it.each(loadDocumentedDifferences())("$page explains $peer on $file", (entry) => {
    const [path, anchor] = entry.page.split("#");
    expect(path).toBe(`docs/rules/${entry.rule}.md`);
    const file = new URL(path!, repoRoot);
    expect(existsSync(file)).toBe(true);
    const text = section(readFileSync(file, "utf8"), anchor!);
    expect(text, `${entry.page} has no such section`).toBeDefined();
    const peerId = results.find((r) => keyOf(r) === keyOf(entry))?.peerId;
    expect(peerId, "no compared case matches this entry").toBeDefined();
    expect(text).toContain(peerId);
  });
});
