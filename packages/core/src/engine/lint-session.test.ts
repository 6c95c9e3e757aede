import { describe, expect, it } from "vitest";
import { lintSources, startLintRun, type SourceText } from "./run.js";

const RULE = "awsvpc-service-network-configuration";
const config = { rules: { [RULE]: "error" as const } };
const taskDefinition = (family: string, networkMode: string): string =>
  `${JSON.stringify({ family, networkMode, containerDefinitions: [{ name: "app", image: "app:1", essential: true }] }, null, 2)}\n`;
const service = (taskDefinition: string): string =>
  `${JSON.stringify({ serviceName: "api", cluster: "main", taskDefinition }, null, 2)}\n`;

/** The files that report the rule, with the line of each finding. */
const reported = (sources: readonly SourceText[]) =>
  lintSources(sources, { config })
    .findings.filter((finding) => finding.ruleId === RULE)
    .map(({ file, line }) => `${file}:${line}`);

describe("a lint run links services to task definitions in other files", () => {
  it.each([
    ["a task definition in an earlier file", ["td.json", "svc.json"]],
    ["a task definition in a later file", ["svc.json", "td.json"]],
  ])("finds %s by family", (_, order) => {
    const files: Record<string, string> = { "td.json": taskDefinition("web", "awsvpc"), "svc.json": service("web:3") };
    expect(reported(order.map((file) => ({ file, text: files[file]! })))).toEqual(["svc.json:4"]);
  });

  it("takes the last file's task definition of a family, as before streaming", () => {
    const awsvpcThenBridge = [
      { file: "a.json", text: taskDefinition("web", "awsvpc") },
      { file: "s.json", text: service("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7") },
      { file: "z.json", text: taskDefinition("web", "bridge") },
    ];
    expect(reported(awsvpcThenBridge)).toEqual([]);
    expect(
      reported([awsvpcThenBridge[2]!, awsvpcThenBridge[1]!, { ...awsvpcThenBridge[0]!, file: "zz.json" }]),
    ).toEqual(["s.json:4"]);
  });

  it("reads again only the file whose task definition a service wants, and links nothing when it cannot be read", () => {
    const texts: Record<string, string> = {
      "td.json": taskDefinition("web", "awsvpc"),
      "other.json": taskDefinition("worker", "awsvpc"),
      "svc.json": service("web"),
    };
    const reread: string[] = [];
    const lintWith = (readable: boolean) => {
      const run = startLintRun([], {
        config,
        reread: (file) => {
          reread.push(file);
          return readable ? texts[file] : undefined;
        },
      });
      for (const [file, text] of Object.entries(texts)) run.add({ file, text });
      return run.finish().findings.filter((finding) => finding.ruleId === RULE).length;
    };
    expect(lintWith(true)).toBe(1);
    expect(reread).toEqual(["td.json"]);
    expect(lintWith(false)).toBe(0);
  });

  it("keeps each file's findings and the checked files in the order the files came", () => {
    const report = lintSources(
      [
        { file: "b.json", text: service("web") },
        { file: "a.json", text: '{"family": ' },
        { file: "c.json", text: taskDefinition("web", "awsvpc") },
        { file: "notes.txt", text: "" },
      ],
      { config },
    );
    expect(report.checkedFiles).toEqual(["b.json", "a.json", "c.json"]);
    expect(report.skippedFiles).toEqual([{ file: "notes.txt", reason: "not a JSON or YAML file" }]);
    const shown = report.findings.filter(({ ruleId }) => ruleId === RULE || ruleId === "parse-error");
    expect(shown.map(({ file, ruleId, line }) => `${file}:${line} ${ruleId}`)).toEqual([
      "a.json:1 parse-error",
      "b.json:4 awsvpc-service-network-configuration",
    ]);
  });
});
