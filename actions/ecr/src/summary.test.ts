import { describe, expect, it } from "vitest";
import { summaryMarkdown } from "./summary.js";

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
});
