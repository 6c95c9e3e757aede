// The policy-lint action's committed bundle, run as the runner runs it (INPUT_* variables,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH), in a temp git repository with a base
// commit and a pull request commit on top.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, repoRoot, runAction } from "./support/run-action.js";

const scratch = mkdtempSync(join(tmpdir(), "shipshape-policy-lint-"));
const repo = join(scratch, "repo");
const plan = readFileSync(join(repoRoot, "packages/core/src/loaders/fixtures/terraform/fargate-web.plan.json"), "utf8");
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

// Every lintable file has at least one finding in its pull-request state, so the files named in
// the annotations are exactly the files linted.
const taskDefinition = (environment: object[]) =>
  json({
    family: "web",
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "256",
    memory: "512",
    executionRoleArn: "arn:aws:iam::123456789012:role/web-execution",
    containerDefinitions: [{ name: "web", image: "nginx:latest", essential: true, environment }],
  });
const base: Record<string, string> = {
  "infra/web-task.json": taskDefinition([{ name: "LOG_LEVEL", value: "info" }]),
  "infra/web-service.json": json({
    serviceName: "web",
    taskDefinition: "web",
    loadBalancers: [{ loadBalancerName: "legacy", containerName: "web", containerPort: 80 }],
  }),
  "infra/repository.json": json({
    repositoryName: "web",
    imageScanningConfiguration: { scanOnPush: false },
    imageTagMutability: "MUTABLE",
  }),
  "infra/cluster.json": json({ clusterName: "prod", settings: [{ name: "containerInsights", value: "disabled" }] }),
  "infra/old-policy.json": json({
    rules: [
      {
        rulePriority: 1,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 0 },
        action: { type: "expire" },
      },
    ],
  }),
  "docs/notes.md": "# notes\n",
};
const pullRequest: Record<string, string | null> = {
  "infra/web-task.json": taskDefinition([
    { name: "LOG_LEVEL", value: "info" },
    { name: "DB_PASSWORD", value: "s3cr3t-Pa55w0rd-42" },
  ]),
  "infra/lifecycle.json": json({
    rules: [
      {
        rulePriority: 1,
        selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 },
        action: { type: "expire" },
      },
      {
        rulePriority: 1,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 100 },
        action: { type: "expire" },
      },
    ],
  }),
  "terraform/plan.json": plan,
  "infra/old-policy.json": null,
  "docs/notes.md": "# notes\n\nmore\n",
};
const changedLintable = [
  "infra/lifecycle.json",
  "infra/prod-cluster.json",
  "infra/web-task.json",
  "terraform/plan.json",
];
const allLintable = [...changedLintable, "infra/repository.json", "infra/web-service.json"].sort();

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=shipshape", "-c", "user.email=ci@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd, encoding: "utf8" },
  ).trim();

function write(root: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(root, path));
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }
}

let baseSha = "";
let headSha = "";
let eventPath = "";

beforeAll(() => {
  mkdirSync(repo);
  git(repo, "init", "-q", "-b", "main");
  write(repo, base);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "base");
  baseSha = git(repo, "rev-parse", "HEAD");
  git(repo, "checkout", "-q", "-b", "feature");
  write(repo, pullRequest);
  git(repo, "mv", "infra/cluster.json", "infra/prod-cluster.json");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "pull request");
  headSha = git(repo, "rev-parse", "HEAD");
  eventPath = join(scratch, "event.json");
  writeFileSync(
    eventPath,
    json({
      action: "synchronize",
      number: 7,
      pull_request: { number: 7, base: { ref: "main", sha: baseSha }, head: { ref: "feature", sha: headSha } },
    }),
  );
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const lint = (inputs: Record<string, string>, cwd = repo, event = "pull_request") =>
  runAction("policy-lint", { inputs, cwd, env: { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: eventPath } });

/** The annotations printed: severity, file, line, rule. */
const annotations = (run: ActionRun) =>
  run.commands.flatMap((command) => {
    const match = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=\d+,.*title=([\w-]+)::/.exec(command);
    return match ? [{ severity: match[1], file: match[2]!, line: Number(match[3]), rule: match[4] }] : [];
  });
const annotatedFiles = (run: ActionRun) => [...new Set(annotations(run).map((annotation) => annotation.file))].sort();
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("policy-lint bundle", () => {
  it("lints the whole repository, annotates the lines, writes outputs, SARIF and the summary, and fails on errors", async () => {
    const run = await lint({ "sarif-file": "reports/shipshape.sarif" });
    expect(run.exitCode).toBe(1);
    expect(annotatedFiles(run)).toEqual(allLintable);
    const task = pullRequest["infra/web-task.json"]!;
    expect(annotations(run)).toContainEqual({
      severity: "error",
      file: "infra/web-task.json",
      line: lineOf(task, "s3cr3t"),
      rule: "no-plaintext-secrets",
    });
    expect(annotations(run)).toContainEqual({
      severity: "error",
      file: "infra/web-service.json",
      line: lineOf(base["infra/web-service.json"]!, "loadBalancerName"),
      rule: "no-classic-load-balancer",
    });
    expect(annotations(run)).toContainEqual({
      severity: "warning",
      file: "infra/repository.json",
      line: lineOf(base["infra/repository.json"]!, "scanOnPush"),
      rule: "ecr-scan-on-push",
    });
    expect(run.stdout).not.toContain("s3cr3t-Pa55w0rd-42");
    expect(run.stdout).not.toContain("hunter2");

    const errors = annotations(run).filter((annotation) => annotation.severity === "error").length;
    const warnings = annotations(run).filter((annotation) => annotation.severity === "warning").length;
    const sarifFile = join(repo, "reports/shipshape.sarif");
    expect(run.outputs).toEqual({
      "error-count": String(errors),
      "warning-count": String(warnings),
      "files-checked": "6",
      "sarif-file": sarifFile,
    });
    expect(run.commands).toContain(`::error::shipshape found ${errors} errors (fail-on: error)`);

    const sarif = JSON.parse(readFileSync(sarifFile, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results).toHaveLength(annotations(run).length);
    expect(sarif.runs[0].results).toContainEqual(
      expect.objectContaining({
        ruleId: "no-classic-load-balancer",
        locations: [
          expect.objectContaining({
            physicalLocation: expect.objectContaining({
              artifactLocation: { uri: "infra/web-service.json", uriBaseId: "%SRCROOT%" },
              region: expect.objectContaining({
                startLine: lineOf(base["infra/web-service.json"]!, "loadBalancerName"),
              }),
            }),
          }),
        ],
      }),
    );

    expect(run.summary).toContain("## shipshape policy check");
    expect(run.summary).toContain("| `no-classic-load-balancer` |");
    for (const file of allLintable) expect(run.summary).toContain(`### \`${file}\``);
    expect(run.summary).not.toContain("only-changed");
  });

  it("with only-changed on a pull request, lints exactly the files it adds, changes or renames", async () => {
    const run = await lint({ "only-changed": "true", "fail-on": "never" });
    expect(run.exitCode).toBe(0);
    expect(annotatedFiles(run)).toEqual(changedLintable);
    expect(run.outputs["files-checked"]).toBe(String(changedLintable.length));
    expect(run.commands.filter((command) => command.startsWith("::notice::"))).toEqual([]);
    expect(run.summary).toContain(
      `Only the files this pull request adds or changes (${baseSha.slice(0, 7)}...${headSha.slice(0, 7)}) were linted: 4 files.`,
    );
    expect(run.summary).not.toContain("infra/web-service.json");
  });

  it("reads a Terraform plan: findings on the plan's lines, secrets never printed", async () => {
    const run = await lint({ paths: "terraform/*.json", "fail-on": "warning" });
    expect(run.exitCode).toBe(1);
    expect(run.outputs["files-checked"]).toBe("1");
    const containers = lineOf(plan, '"container_definitions": "[{\\"name\\":\\"web\\"');
    expect(annotations(run)).toEqual(
      expect.arrayContaining([
        { severity: "error", file: "terraform/plan.json", line: containers, rule: "no-plaintext-secrets" },
        {
          severity: "error",
          file: "terraform/plan.json",
          line: lineOf(plan, '"elb_name": "legacy-web"'),
          rule: "no-classic-load-balancer",
        },
        {
          severity: "warning",
          file: "terraform/plan.json",
          line: lineOf(plan, '"assign_public_ip": true'),
          rule: "service-assigns-public-ip",
        },
        {
          severity: "notice",
          file: "terraform/plan.json",
          line: lineOf(plan, '"encryption_type": "AES256"'),
          rule: "ecr-kms-encryption",
        },
      ]),
    );
    expect(annotations(run).some((annotation) => annotation.rule === "execution-role-required")).toBe(false); // unknown until apply
    expect(run.stdout).not.toContain("hunter2");
    expect(run.commands).toContainEqual(
      expect.stringMatching(/^::error::shipshape found \d+ errors and 4 warnings \(fail-on: warning\)$/),
    );
  });

  it("falls back to every file with a notice when the clone is too shallow to hold the base commit", async () => {
    const shallow = join(scratch, "shallow");
    git(scratch, "clone", "-q", "--depth", "1", "--branch", "feature", `file://${repo}`, shallow);
    const run = await lint({ "only-changed": "true", "fail-on": "never" }, shallow);
    expect(run.exitCode).toBe(0);
    expect(run.commands).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::notice::only-changed: the pull request's base commit ${baseSha.slice(0, 12)} is not in this clone`,
        ),
      ),
    );
    expect(annotatedFiles(run)).toEqual(allLintable);
    expect(run.summary).toContain("only-changed: the pull request's base commit");
  });

  it("lints every file with a notice when only-changed runs outside a pull request", async () => {
    const run = await lint({ "only-changed": "true", "fail-on": "never" }, repo, "push");
    expect(run.commands).toContain(
      "::notice::only-changed: a push event is not a pull request; linting every selected file",
    );
    expect(run.outputs["files-checked"]).toBe("6");
  });

  it("prints findings as text without annotations, and passes below fail-on", async () => {
    const run = await lint({
      paths: "infra/repository.json\ninfra/prod-cluster.json",
      annotations: "false",
      "fail-on": "error",
    });
    expect(run.exitCode).toBe(0);
    expect(annotations(run)).toEqual([]);
    expect(run.stdout).toMatch(
      /^infra\/repository\.json\n(?:\s+\d+:\d+ .*\n)*\s+4:\d+\s+warning\s+.*ecr-scan-on-push  web$/m,
    );
    expect(run.outputs).toMatchObject({ "error-count": "0", "warning-count": "3", "files-checked": "2" });
    expect(run.outputs["sarif-file"]).toBeUndefined();
  });

  it("fails on a file that does not parse, whatever fail-on says", async () => {
    const broken = join(scratch, "broken");
    write(broken, { "td.json": '{\n  "family": "web",\n}\n' });
    const run = await lint({ "fail-on": "never" }, broken);
    expect(run.exitCode).toBe(1);
    expect(annotations(run)).toEqual([{ severity: "error", file: "td.json", line: 3, rule: "parse-error" }]);
    expect(run.commands).toContain("::error::1 file could not be read or parsed");
  });

  it("refuses inputs it does not understand, naming each", async () => {
    const run = await lint({
      "fail-on": "sometimes",
      preset: "lenient",
      annotations: "maybe",
      "sarif-file": "reports/none.sarif",
    });
    expect(existsSync(join(repo, "reports/none.sarif"))).toBe(false);
    expect(run.exitCode).toBe(1);
    expect(run.commands.filter((command) => !command.startsWith("::debug::"))).toEqual([
      `::error::invalid inputs:%0A- preset must be one of recommended, strict, found "lenient"%0A- fail-on must be one of error, warning, never, found "sometimes"%0A- annotations must be true or false, found "maybe"`,
    ]);
  });
});
