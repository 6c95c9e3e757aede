import { describe, expect, it } from "vitest";
import { summaryHtml } from "./summary.js";

const digest = `sha256:${"ab".repeat(32)}`;

describe("summaryHtml", () => {
  it("shows the repository, its drift and the tags, escaped", () => {
    const html = summaryHtml({
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
    expect(html).toBe(
      [
        "<h2>Amazon ECR</h2>",
        "<p>Repository <code>123456789012.dkr.ecr.us-east-1.amazonaws.com/web</code> (created)</p>",
        "<table><tr><th>Tag</th><th>Image</th><th>Digest</th><th>How</th></tr>" +
          `<tr><td><code>1.4.2</code></td><td><code>123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2</code></td><td><code>${digest}</code></td><td>pushed</td></tr></table>`,
        "",
      ].join("\n"),
    );
  });

  it("lists drift and updates as a list, with HTML escaped", () => {
    const html = summaryHtml({
      repository: { uri: "r", created: false, drift: ["scanOnPush is false, <expected> true"], updated: ["x & y"] },
      tags: [],
    });
    expect(html).toContain(
      "<ul><li>drift: scanOnPush is false, &lt;expected&gt; true</li><li>updated: x &amp; y</li></ul>\n",
    );
  });
});
