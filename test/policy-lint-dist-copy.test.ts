// The policy-lint bundle copied out of the repository, as the runner holds it (the action's
// directory, no node_modules anywhere above it), linting Terraform source: everything the .tf
// reader needs (web-tree-sitter and the two .wasm files) must ship in dist/. Runs inside the
// repository would find a missing file in node_modules and pass.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, repoRoot, runAction } from "./support/run-action.js";

const scratch = mkdtempSync(join(tmpdir(), "shipshape-policy-lint-copy-"));
const action = join(scratch, "action");
const workspace = join(scratch, "workspace");

const main = `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name        = "web"
      image       = "nginx:1.27"
      essential   = true
      environment = [{ name = "DB_PASSWORD", value = "not-a-real-password" }]
    }
  ])
}

resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }
  load_balancer {
    elb_name       = "legacy"
    container_name = "web"
    container_port = 80
  }
}
`;
const lineOf = (needle: string) => main.split("\n").findIndex((line) => line.includes(needle)) + 1;

/** The error annotations printed: file, line, rule. */
const errors = (run: ActionRun) =>
  run.commands.flatMap((command) => {
    const match = /^::error file=([^,]+),line=(\d+),col=\d+,.*title=([\w-]+)::/.exec(command);
    return match ? [{ file: match[1], line: Number(match[2]), rule: match[3] }] : [];
  });

beforeAll(() => {
  cpSync(join(repoRoot, "actions/policy-lint/dist"), action, { recursive: true });
  mkdirSync(join(workspace, "infra"), { recursive: true });
  writeFileSync(join(workspace, "infra/main.tf"), main);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("policy-lint's dist/ outside the repository", () => {
  it("has no node_modules to fall back on", () => {
    const above: string[] = [];
    for (let dir = action; dir !== dirname(dir); dir = dirname(dir)) above.push(dirname(dir));
    expect(above.filter((dir) => existsSync(join(dir, "node_modules")))).toEqual([]);
    expect(readdirSync(action)).toEqual(expect.arrayContaining(["tree-sitter-hcl.wasm", "web-tree-sitter.wasm"]));
  });

  it("reads a .tf file: the plaintext secret and the classic load balancer are annotated on their lines", async () => {
    const run = await runAction("policy-lint", {
      entry: join(action, "index.js"),
      cwd: workspace,
      inputs: { paths: "infra" },
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual([
      { file: "infra/main.tf", line: lineOf("DB_PASSWORD"), rule: "no-plaintext-secrets" },
      { file: "infra/main.tf", line: lineOf("elb_name"), rule: "no-classic-load-balancer" },
    ]);
    expect(run.outputs).toMatchObject({ "files-checked": "1", "error-count": "2" });
    expect(run.stdout).not.toContain("not-a-real-password");
    expect(run.stdout).toContain("::error::shipshape found 2 errors (fail-on: error)");
  });
});
