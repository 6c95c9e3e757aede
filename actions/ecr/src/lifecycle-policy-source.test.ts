import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateLifecyclePolicy } from "@shipshape/core";
import { describe, expect, it } from "vitest";
import { loadLifecyclePolicy } from "./lifecycle-policy-source.js";
import { LIFECYCLE_PRESETS } from "./lifecycle-presets.js";

const presetDir = new URL("../../../policies/lifecycle/", import.meta.url);
const files = readdirSync(presetDir).filter((name) => name.endsWith(".json"));

describe("lifecycle presets", () => {
  it("carries every policy of policies/lifecycle, and nothing else", () => {
    expect(Object.keys(LIFECYCLE_PRESETS).sort()).toEqual(files.map((name) => name.replace(/\.json$/, "")).sort());
  });

  it.each(files)("%s is carried as written and is valid", (file) => {
    const onDisk = JSON.parse(readFileSync(new URL(file, presetDir), "utf8"));
    expect(LIFECYCLE_PRESETS[file.replace(/\.json$/, "")]).toEqual(onDisk);
    expect(validateLifecyclePolicy(onDisk)).toEqual([]);
  });

  it("reads a policy file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "shipshape-policy-")), "policy.json");
    writeFileSync(file, JSON.stringify(LIFECYCLE_PRESETS.standard));
    expect(loadLifecyclePolicy({ kind: "file", path: file })).toEqual(LIFECYCLE_PRESETS.standard);
  });

  it.each([
    ["a missing file", undefined, /cannot read .*policy\.json: ENOENT/],
    ["a file that is not JSON", "{rules", /policy\.json is not JSON/],
    [
      "a policy that PutLifecyclePolicy would refuse",
      JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            selection: { tagStatus: "tagged", countType: "imageCountMoreThan", countNumber: 1 },
            action: { type: "expire" },
          },
        ],
      }),
      /policy\.json is not valid:\n- rules\[0\]\.selection/,
    ],
  ])("reports %s", (_name, content, message) => {
    const file = join(mkdtempSync(join(tmpdir(), "shipshape-policy-")), "policy.json");
    if (content !== undefined) writeFileSync(file, content);
    expect(() => loadLifecyclePolicy({ kind: "file", path: file })).toThrow(message);
  });
});
