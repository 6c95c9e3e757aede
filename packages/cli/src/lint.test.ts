import { describe, expect, it } from "vitest";
import { cli, workspace } from "./test-support.js";

// Clean under every recommended rule but one: Fargate with the bridge network mode (line 4, column 18).
const fargateBridge = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "bridge",
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/web-execution",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "essential": true,
      "user": "101",
      "readonlyRootFilesystem": true,
      "healthCheck": { "command": ["CMD-SHELL", "true"] },
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web" } }
    }
  ]
}
`;
const clean = fargateBridge.replace('"bridge"', '"awsvpc"');

describe("shipshape lint", () => {
  it("prints stylish findings with file, line and column, and exits 1 on errors", async () => {
    const dir = workspace({ "infra/web.json": fargateBridge });
    const { exitCode, stdout } = await cli(dir, "lint", "infra");
    expect(exitCode).toBe(1);
    expect(stdout).toContain("infra/web.json");
    expect(stdout).toMatch(/4:18\s+error\s+.*networkMode is "bridge".*fargate-requires-awsvpc/);
  });

  it("exits 0 on clean files and walks directories for JSON and YAML only", async () => {
    const dir = workspace({ "a/ok.json": clean, "a/notes.txt": "x", "a/b/ci.yml": "on: push\n" });
    const { exitCode, stdout } = await cli(dir, "lint", "a", "--format", "json");
    expect(exitCode).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, filesChecked: 1, filesSkipped: 1 });
    expect(report.skipped).toEqual([{ file: "a/b/ci.yml", reason: expect.stringContaining("not") }]);
  });

  it("json: one object whose findings carry ruleId, severity, message, file, line, column", async () => {
    const dir = workspace({ "web.json": fargateBridge });
    const { stdout } = await cli(dir, "lint", "web.json", "--format", "json");
    expect(JSON.parse(stdout).findings[0]).toMatchObject({
      ruleId: "fargate-requires-awsvpc",
      severity: "error",
      file: "web.json",
      line: 4,
      column: 18,
      message: expect.stringContaining("awsvpc"),
    });
  });

  it("github: workflow commands GitHub turns into annotations", async () => {
    const dir = workspace({ "web.json": fargateBridge });
    const { stdout } = await cli(dir, "lint", ".", "--format", "github");
    expect(stdout).toMatch(/^::error file=web\.json,line=4,col=18,endLine=4,endColumn=26,title=fargate-requires-awsvpc::requiresCompatibilities/m);
  });

  it("sarif: 2.1.0 with rule metadata, help links and regions", async () => {
    const dir = workspace({ "web.json": fargateBridge });
    const { stdout } = await cli(dir, "lint", ".", "--format", "sarif");
    const log = JSON.parse(stdout);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    const rule = run.tool.driver.rules[run.results[0].ruleIndex];
    expect(rule.id).toBe("fargate-requires-awsvpc");
    expect(rule.helpUri).toMatch(/docs\/rules\/fargate-requires-awsvpc\.md$/);
    expect(run.results[0]).toMatchObject({
      ruleId: "fargate-requires-awsvpc",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "web.json" }, region: { startLine: 4, startColumn: 18 } } }],
    });
  });

  it("markdown: a job summary table per file", async () => {
    const dir = workspace({ "web.json": fargateBridge });
    const { stdout } = await cli(dir, "lint", ".", "--format", "markdown");
    expect(stdout).toContain("### `web.json`");
    expect(stdout).toMatch(/\| 4:18 \| .*error \| `fargate-requires-awsvpc` \|/);
  });

  it("exits 2 and names file, line and column for a file that does not parse", async () => {
    const dir = workspace({ "broken.json": '{\n  "family": "x",\n}' });
    const { exitCode, stdout } = await cli(dir, "lint", "broken.json");
    expect(exitCode).toBe(2);
    expect(stdout).toMatch(/broken\.json\n\s+3:1\s+error\s+The file does not parse/);
  });

  it.each([
    [["--format", "xml"], /--format xml: use one of/],
    [["--fail-on", "sometimes"], /--fail-on sometimes/],
    [["--max-warnings", "many"], /--max-warnings many/],
    [["--preset", "lax"], /--preset lax/],
    [["--no-such-option"], /Unknown option/],
    [["missing-dir"], /missing-dir: no such file or directory/],
  ])("exits 2 on usage errors: %j", async (args, message) => {
    const { exitCode, stderr } = await cli(workspace({}), "lint", ...args);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("--fail-on never reports but exits 0; --output writes the report to a file", async () => {
    const dir = workspace({ "web.json": fargateBridge });
    const result = await cli(dir, "lint", ".", "--fail-on", "never", "--format", "json", "--output", "report.json");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("");
    expect(JSON.parse(result.written["report.json"]!).findings).toHaveLength(1);
  });

  it("respects .gitignore and the config's ignore globs and rule settings", async () => {
    const dir = workspace({
      ".gitignore": "build/\n",
      "build/web.json": fargateBridge,
      "legacy/web.json": fargateBridge,
      "live/web.json": fargateBridge,
      ".shipshape.yaml": "ignore:\n  - legacy/**\n",
    });
    const { stdout } = await cli(dir, "lint", ".", "--format", "json");
    expect(JSON.parse(stdout).findings.map((f: { file: string }) => f.file)).toEqual(["live/web.json"]);

    const off = workspace({ "web.json": fargateBridge, ".shipshape.yaml": "rules:\n  fargate-requires-awsvpc: off\n" });
    expect((await cli(off, "lint", ".")).exitCode).toBe(0);
    const warning = workspace({ "web.json": fargateBridge, ".shipshape.yaml": "rules:\n  fargate-requires-awsvpc: warning\n" });
    const warned = await cli(warning, "lint", ".", "--max-warnings", "0");
    expect(warned.exitCode).toBe(1);
    expect(warned.stdout).toMatch(/warning/);
  });

  it("lints a directory outside the working directory, with its repository's .gitignore", async () => {
    const root = workspace({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.gitignore": "build/\n",
      "repo/infra/build/web.json": fargateBridge,
      "repo/infra/live/web.json": fargateBridge,
      "elsewhere/README.md": "cwd",
    });
    const { exitCode, stdout } = await cli(`${root}/elsewhere`, "lint", "../repo/infra", "--format", "json");
    expect(exitCode).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { file: string }) => f.file)).toEqual(["../repo/infra/live/web.json"]);
  });

  it("expands globs", async () => {
    const dir = workspace({ "a/web.json": fargateBridge, "b/web.json": clean });
    const { stdout } = await cli(dir, "lint", "*/web.json", "--format", "json");
    expect(JSON.parse(stdout).summary.filesChecked).toBe(2);
  });

  it("names the config file, line and column of a bad setting", async () => {
    const dir = workspace({ ".shipshape.yaml": "preset: recommended\nrules:\n  fargate-requires-awsvcp: error\n" });
    const { exitCode, stderr } = await cli(dir, "lint", ".");
    expect(exitCode).toBe(2);
    expect(stderr).toContain('.shipshape.yaml:3:3 unknown rule "fargate-requires-awsvcp": did you mean "fargate-requires-awsvpc"?');
  });

  it.each([
    ["an empty directory", {}, ["."], "no files to lint: the paths name no JSON, YAML or Terraform file"],
    ["a glob that matches nothing", { "a/web.json": clean }, ["*/missing.json"], "no files to lint"],
    [
      "files of other kinds only",
      { "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\n" },
      ["k8s"],
      "no files to lint: 1 file was skipped (1 not an ECS, ECR, CloudFormation or Terraform plan document)",
    ],
  ])("exits 2 when it checked nothing (%s), unless --allow-empty", async (_, files, paths, message) => {
    const dir = workspace(files as Record<string, string>);
    const refused = await cli(dir, "lint", ...paths);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(message);
    expect(refused.stderr).toContain("pass --allow-empty if that is expected");
    const allowed = await cli(dir, "lint", ...paths, "--allow-empty");
    expect(allowed.exitCode).toBe(0);
  });
});
