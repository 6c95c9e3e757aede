import type { LifecyclePlan } from "@shipshape/aws";
import { columnsFromImages, evaluateImageColumns, type ImageInfo, type LifecyclePolicy } from "@shipshape/core";
import { describe, expect, it } from "vitest";
import { lifecycleRows, summaryMarkdown } from "./summary.js";

const digest = `sha256:${"ab".repeat(32)}`;

describe("summaryMarkdown", () => {
  it("shows the repository and the tags in a table", () => {
    const markdown = summaryMarkdown({
      repository: { uri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web", created: true, drift: [], updated: [] },
      tags: [
        {
          tag: "1.4.2",
          imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2",
          digest,
          how: "pushed",
        },
      ],
    });
    expect(markdown).toBe(
      [
        "## Amazon ECR",
        "",
        "Repository <code>123456789012.dkr.ecr.us-east-1.amazonaws.com/web</code> (created)",
        "",
        "| Tag | Image | Digest | How |",
        "| --- | --- | --- | --- |",
        `| <code>1.4.2</code> | <code>123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2</code> | <code>${digest}</code> | pushed |`,
        "",
        "",
      ].join("\n"),
    );
  });

  it("lists drift and updates, with markup from the values escaped", () => {
    const markdown = summaryMarkdown({
      repository: { uri: "r", created: false, drift: ["scanOnPush is false, <expected> true"], updated: ["x | y"] },
      tags: [],
    });
    expect(markdown).toContain("- drift: scanOnPush is false, &lt;expected&gt; true\n- updated: x &#124; y\n");
  });

  it("lists at most 500 of 100,000 images the policy acts on, and stays well under GitHub's 1 MiB", () => {
    const images = Array.from({ length: 100_000 }, (_, index) => ({
      imageDigest: `sha256:${index.toString(16).padStart(64, "0")}`,
      imageTags: [`build-${index}`],
      imagePushedAt: new Date(Date.UTC(2025, 0, 1) + index * 1000),
    }));
    const keepTenBuilds: LifecyclePolicy = {
      rules: [
        {
          rulePriority: 1,
          description: "keep 10 builds",
          selection: {
            tagStatus: "tagged",
            tagPatternList: ["build-*"],
            countType: "imageCountMoreThan",
            countNumber: 10,
          },
          action: { type: "expire" },
        },
      ],
    };
    const markdown = summaryMarkdown({
      tags: [],
      lifecycle: { mode: "preview", plan: planOf(keepTenBuilds, images), applied: false },
    });
    expect(Buffer.byteLength(markdown)).toBeLessThan(100 * 1024);
    expect(markdown).toContain("| 1: keep 10 builds | 99990 | 10 |");
    expect(markdown).toContain("99990 image(s) the policy acts on");
    expect(markdown).toContain("- …and 99490 more");
    expect(markdown.match(/\] rule 1: /g)).toHaveLength(500);
  });

  // A, B, C tagged abc-* and D untagged, pushed in that order; rule 1 keeps the newest `keepAbc`
  // abc-* images, rule 2 the newest `keepAny` images of any kind (it may not act on A, B, C).
  it.each([
    [
      "more images kept than acted on",
      2,
      3,
      [
        ["1", "1", "2"],
        ["2", "0", "3"],
        ["All rules", "1", "3"],
      ],
    ],
    [
      "more images acted on than kept",
      1,
      0,
      [
        ["1", "2", "1"],
        ["2", "1", "1"],
        ["All rules", "3", "1"],
      ],
    ],
  ])("counts each rule's kept images with %s", (_name, keepAbc, keepAny, rows) => {
    const image = (imageDigest: string, imageTags: string[], day: number) => ({
      imageDigest,
      imageTags,
      imagePushedAt: new Date(Date.UTC(2025, 0, day)),
    });
    const images = [image("A", ["abc-1"], 1), image("B", ["abc-2"], 2), image("C", ["abc-3"], 3), image("D", [], 4)];
    const policy: LifecyclePolicy = {
      rules: [
        {
          rulePriority: 1,
          selection: {
            tagStatus: "tagged",
            tagPatternList: ["abc-*"],
            countType: "imageCountMoreThan",
            countNumber: keepAbc,
          },
          action: { type: "expire" },
        },
        {
          rulePriority: 2,
          selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepAny },
          action: { type: "expire" },
        },
      ],
    };
    expect(lifecycleRows(planOf(policy, images))).toEqual(rows);
  });

  it("counts a transition rule's images as archived", () => {
    const policy: LifecyclePolicy = {
      rules: [
        {
          rulePriority: 1,
          selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 1 },
          action: { type: "transition", targetStorageClass: "archive" },
        },
      ],
    };
    const images = ["A", "B", "C"].map((digest, day) => ({
      imageDigest: digest,
      imageTags: [],
      imagePushedAt: new Date(Date.UTC(2025, 0, day + 1)),
    }));
    expect(lifecycleRows(planOf(policy, images))).toEqual([
      ["1", "2 archived", "1"],
      ["All rules", "0", "1"],
    ]);
  });
});

function planOf(policy: LifecyclePolicy, images: ImageInfo[]): LifecyclePlan {
  const evaluation = evaluateImageColumns(policy, columnsFromImages(images), new Date("2026-01-01T00:00:00Z"));
  return { evaluation, protectedImages: [], conflicts: [] };
}
