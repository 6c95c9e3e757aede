import { describe, expect, it } from "vitest";
import {
  columnsFromImages,
  evaluateImageColumns,
  lifecycleEvaluationLines,
  readImageDetails,
  readLifecyclePolicy,
} from "@shipshape/core";
import { cli, workspace } from "./test-support.js";

const policy = JSON.stringify({
  rules: [
    { rulePriority: 1, description: "untagged after 14 days", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } },
    { rulePriority: 2, description: "keep 2 releases", selection: { tagStatus: "tagged", tagPatternList: ["v*"], countType: "imageCountMoreThan", countNumber: 2 }, action: { type: "expire" } },
  ],
}, null, 2);
const images = JSON.stringify({
  imageDetails: [
    { imageDigest: "sha256:v1", imageTags: ["v1"], imagePushedAt: "2026-01-01T00:00:00Z" },
    { imageDigest: "sha256:v2", imageTags: ["v2"], imagePushedAt: "2026-01-02T00:00:00Z" },
    { imageDigest: "sha256:v3", imageTags: ["v3", "latest"], imagePushedAt: "2026-01-03T00:00:00Z" },
    { imageDigest: "sha256:old", imagePushedAt: "2026-01-01T00:00:00Z" },
    { imageDigest: "sha256:new", imagePushedAt: "2026-01-20T00:00:00Z" },
  ],
});

describe("shipshape lifecycle preview", () => {
  it("answers for a describe-images file in the documented JSON shape", async () => {
    const dir = workspace({ "policy.json": policy, "images.json": images });
    const { exitCode, stdout } = await cli(dir, "lifecycle", "preview", "--policy", "policy.json", "--images", "images.json", "--now", "2026-01-25T00:00:00Z", "--format", "json");
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.expired).toEqual([
      { imageDigest: "sha256:old", imageTags: [], rulePriority: 1 },
      { imageDigest: "sha256:v1", imageTags: ["v1"], rulePriority: 2 },
    ]);
    expect(result.kept).toBe(3);
  });

  it("prints a table and the reasons in text", async () => {
    const dir = workspace({ "policy.json": policy, "images.json": JSON.stringify(JSON.parse(images).imageDetails) });
    const { stdout } = await cli(dir, "lifecycle", "preview", "--policy", "policy.json", "--images", "images.json", "--now", "2026-01-25T00:00:00Z");
    expect(stdout).toMatch(/^\s+1 {2}expire\s+2\s+1 {2}untagged after 14 days$/m);
    expect(stdout).toContain("5 images: 2 would expire, 0 would move to archive, 3 kept.");
  });

  it("refuses an invalid policy with located problems, and bad arguments", async () => {
    const dir = workspace({ "policy.json": '{\n  "rules": [\n    { "rulePriority": 0, "selection": { "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 1 }, "action": { "type": "expire" } }\n  ]\n}\n', "images.json": "[]" });
    const invalid = await cli(dir, "lifecycle", "preview", "--policy", "policy.json", "--images", "images.json");
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toMatch(/policy\.json:3:\d+ rules\[0\]\.rulePriority/);
    expect((await cli(dir, "lifecycle", "preview", "--policy", "policy.json")).stderr).toContain("--policy and --images are required");
    expect((await cli(dir, "lifecycle", "preview", "--policy", "nope.json", "--images", "images.json")).stderr).toContain("nope.json: cannot read the file");
    expect((await cli(dir, "lifecycle", "apply")).stderr).toContain('unknown subcommand "apply"');
  });

  it("writes large answers in chunks, JSON exactly as JSON.stringify indents it", async () => {
    const details = Array.from({ length: 20_000 }, (_, i) => ({
      imageDigest: `sha256:${i}`,
      ...(i % 2 === 0 ? { imageTags: [`v${i}`, "x"] } : {}),
      imagePushedAt: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    }));
    const dir = workspace({ "policy.json": policy, "images.json": JSON.stringify({ imageDetails: details }) });
    const args = ["lifecycle", "preview", "--policy", "policy.json", "--images", "images.json", "--now", "2026-01-25T00:00:00Z"];
    const json = await cli(dir, ...args, "--format", "json");
    const answer = JSON.parse(json.stdout);
    expect(json.stdout).toBe(`${JSON.stringify(answer, null, 2)}\n`);
    expect(answer.expired).toHaveLength(19_998);
    expect(answer.transitioned).toEqual([]);
    expect(answer.expired[9_999]).toEqual({ imageDigest: "sha256:19999", imageTags: [], rulePriority: 1 });
    expect(answer.expired[10_000]).toEqual({ imageDigest: "sha256:4", imageTags: ["v4", "x"], rulePriority: 2 });
    const text = await cli(dir, ...args);
    // table (3), blank, rule 1 (1 + 10,000), rule 2 (1 + 9,998), kept (1 + 2), blank, total, and the last newline
    expect(text.stdout.split("\n")).toHaveLength(3 + 1 + 10_001 + 9_999 + 3 + 1 + 1 + 1);
    expect(text.stdout).toContain("20000 images: 19998 would expire, 0 would move to archive, 2 kept.");
  });

  it("answers for entries of every shape as the object path does (escapes, epoch seconds, archived images)", async () => {
    const odd = `{"imageDetails": [
      {"imageDigest": "sha256:esc", "imageTags": ["v\\u0031-\u00e9"], "imagePushedAt": 1767225600},
      {"imageDigest": "sha256:arch", "imageTags": ["v9"], "imagePushedAt": "2025-06-01T00:00:00.123456+02:00", "imageStatus": "ARCHIVED", "lastArchivedAt": "2025-07-01T00:00:00Z"},
      {"imageDigest": "sha256:rest", "imagePushedAt": "2025-06-01T00:00:00Z", "imageStatus": "ACTIVATING", "imageScanStatus": {"status": "COMPLETE"}},
      {"imageDigest": "sha256:twice", "imagePushedAt": "2025-06-01T00:00:00Z", "imagePushedAt": "2025-01-01T00:00:00Z"},
      {"imageDigest": "sha256:v1", "imageTags": ["v1"], "imagePushedAt": "2026-01-01T00:00:00Z", "lastRecordedPullTime": ""}
    ]}`;
    const dir = workspace({ "policy.json": policy, "images.json": odd });
    const { stdout } = await cli(dir, "lifecycle", "preview", "--policy", "policy.json", "--images", "images.json", "--now", "2026-01-25T00:00:00Z");
    const parsed = readLifecyclePolicy(JSON.parse(policy)).policy;
    if (!parsed) throw new Error("the test policy is valid");
    // The whole file parsed at once and read as objects: what the byte scanner must agree with.
    const { images: objects } = readImageDetails(JSON.parse(odd));
    const evaluation = evaluateImageColumns(parsed, columnsFromImages(objects), new Date("2026-01-25T00:00:00Z"));
    const lines = stdout.split("\n");
    expect(lines.slice(4, -3)).toEqual(Array.from(lifecycleEvaluationLines(evaluation)));
    expect(stdout).toContain("sha256:esc [v1-é]: ");
  });
});
