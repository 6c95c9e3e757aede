import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, workspace } from "./test-support.js";

const main = `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  network_mode          = "awsvpc"
  container_definitions = file("\${path.module}/containers.json")
}

resource "aws_ecs_cluster" "main" {
  name = "main"
}
`;
const containers = '[{"name": "web", "image": "nginx:1.27", "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]\n';

describe("shipshape lint on Terraform", () => {
  it("walks .tf files (not .terraform/), names the resource address, and reads file() targets", async () => {
    const dir = workspace({
      "infra/main.tf": main,
      "infra/containers.json": containers,
      "infra/.terraform/modules/x/main.tf": 'resource "aws_ecs_cluster" "vendored" {}\n',
    });
    const { exitCode, stdout } = await cli(dir, "lint", "infra");
    expect(exitCode).toBe(1);
    expect(stdout).not.toContain("vendored");
    expect(stdout).toMatch(/infra\/containers\.json\n(.*\n)*\s+1:\d+\s+error\s+.*DB_PASSWORD.*no-plaintext-secrets\s+aws_ecs_task_definition\.app/);
    expect(stdout).toMatch(/infra\/main\.tf\n(.*\n)*\s+7:1\s+warning\s+.*cluster-container-insights\s+aws_ecs_cluster\.main/);
  });

  it("does not read a file() target outside the working directory", async () => {
    const outside = workspace({ "containers.json": containers });
    const dir = workspace({ "main.tf": main.replace("${path.module}/containers.json", join(outside, "containers.json")) });
    const { stdout } = await cli(dir, "lint", ".", "--format", "json");
    const report = JSON.parse(stdout);
    expect(report.findings.filter((finding: { ruleId: string }) => finding.ruleId === "no-plaintext-secrets")).toEqual([]);
    expect(report.summary).toMatchObject({ filesChecked: 1 });
  });

  it("reports a .tf file that does not parse as a parse error with its line", async () => {
    const dir = workspace({ "main.tf": 'resource "aws_ecs_cluster" "a" {\n  name = "a"\n', "ok.tf": 'variable "x" {}\n' });
    const { exitCode, stdout } = await cli(dir, "lint", ".", "--format", "json");
    expect(exitCode).toBe(2);
    expect(JSON.parse(stdout).findings).toEqual([expect.objectContaining({ ruleId: "parse-error", file: "main.tf" })]);
  });
});

describe("shipshape lint on a Terraform example", () => {
  it("reads the local modules the example calls, inside the working directory", async () => {
    const dir = workspace({
      "examples/web/main.tf": 'module "app" {\n  source = "../../modules/app"\n  image  = "nginx:latest"\n}\n',
      "modules/app/main.tf": `variable "image" {}\nresource "aws_ecs_task_definition" "this" {\n  family                = "app"\n  container_definitions = jsonencode([{ name = "app", image = var.image }])\n}\n`,
    });
    const { stdout } = await cli(dir, "lint", "examples", "--format", "json");
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ filesChecked: 2 });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: "image-tag-pinned", file: "modules/app/main.tf", line: 4, resource: "module.app.aws_ecs_task_definition.this" }),
    );
    const inside = await cli(join(dir, "examples/web"), "lint", ".", "--format", "json");
    expect(JSON.parse(inside.stdout).summary).toMatchObject({ filesChecked: 1 });
  });
});
