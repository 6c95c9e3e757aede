import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintFiles } from "./lint-run.js";

const cwd = mkdtempSync(join(tmpdir(), "shipshape-lint-run-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("lintFiles", () => {
  it("lints the files it can read and names the others in the order given, Terraform files read first", async () => {
    writeFileSync(join(cwd, "a.json"), '{"family": "web", "containerDefinitions": []}\n');
    // A directory under a file's name: reading it fails (EISDIR), as an unreadable file would.
    mkdirSync(join(cwd, "b.json"));
    mkdirSync(join(cwd, "c.tf"));
    mkdirSync(join(cwd, "d.yaml"));
    const run = await lintFiles(["a.json", "b.json", "c.tf", "d.yaml"], cwd, {});
    expect(run.unreadable).toEqual([
      "b.json: cannot read the file (EISDIR)",
      "c.tf: cannot read the file (EISDIR)",
      "d.yaml: cannot read the file (EISDIR)",
    ]);
    expect(run.report.checkedFiles).toEqual(["a.json"]);
  });
});
