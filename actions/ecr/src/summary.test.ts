import { describe, expect, it } from "vitest";
import type { LifecyclePlan } from "@shipshape/aws";
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
      reason: "more than 10 images tagged build-*",
    }));
    const digests = images.map((image) => image.imageDigest);
    const rule = { rulePriority: 1, action: "expire", images, identified: digests, description: "keep 10 builds" };
    const plan = {
      images: [],
      protectedImages: [],
      conflicts: [],
      outcome: { rules: [rule], kept: [], expiredDigests: digests, transitionedDigests: [] },
    } as unknown as LifecyclePlan;
    const markdown = summaryMarkdown({ tags: [], lifecycle: { mode: "preview", plan, applied: false } });
    expect(Buffer.byteLength(markdown)).toBeLessThan(100 * 1024);
    expect(markdown).toContain("100000 image(s) the policy acts on");
    expect(markdown).toContain("- …and 99500 more");
    expect(markdown.match(/\] rule 1: /g)).toHaveLength(500);
  });

  it.each([
    ["more images kept than acted on", ["A"], ["B", "C", "D"]],
    ["more images acted on than kept", ["A", "B", "D"], ["C"]],
  ])("counts each rule's kept images with %s", (_name, expired, kept) => {
    const entry = (imageDigest: string) => ({ imageDigest, imageTags: [], reason: "r" });
    const rules = [
      {
        rulePriority: 1,
        action: "expire",
        identified: ["A", "B", "C"],
        images: expired.filter((d) => d !== "D").map(entry),
      },
      {
        rulePriority: 2,
        action: "expire",
        identified: ["A", "B", "C", "D"],
        images: expired.filter((d) => d === "D").map(entry),
      },
    ];
    const plan = {
      images: [],
      protectedImages: [],
      conflicts: [],
      outcome: { rules, kept: kept.map(entry), expiredDigests: expired, transitionedDigests: [] },
    } as unknown as LifecyclePlan;
    const keptOf = (identified: string[]) => identified.filter((digest) => kept.includes(digest)).length;
    expect(lifecycleRows(plan)).toEqual([
      ["1", String(rules[0]?.images.length), String(keptOf(["A", "B", "C"]))],
      ["2", String(rules[1]?.images.length), String(keptOf(["A", "B", "C", "D"]))],
      ["All rules", String(expired.length), String(kept.length)],
    ]);
  });
});
