import { beforeAll, describe, expect, it } from "vitest";
import { toPlain } from "../../document/node.js";
import { lintSources, type SourceText } from "../../engine/run.js";
import type { Finding } from "../../engine/finding.js";
import type { TaskDefinition } from "../../model/resources.js";
import { terraformSupport } from "../../terraform.js";
import { loadTerraform } from "./load-terraform.js";
import type { TerraformParser } from "./syntax.js";
import { testParser } from "./test-support/parser.js";

let parser: TerraformParser;
beforeAll(async () => {
  parser = await testParser();
});

/** 1-based line and column of the `occurrence`-th `needle` in `text`. */
function at(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

function lint(sources: SourceText[], files: Record<string, string> = {}): Finding[] {
  const report = lintSources(sources, { terraform: terraformSupport(parser), readFile: (path) => files[path] });
  return report.findings;
}

function only(findings: Finding[], ruleId: string) {
  return findings
    .filter((finding) => finding.ruleId === ruleId)
    .map(({ line, column, resource, file }) => ({ file, line, column, resource }));
}

const fargateTask = (containers: string) => `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions    = ${containers}
}
`;

describe("Terraform container definitions", () => {
  it("reads jsonencode([...]) with each value on its own line and column", () => {
    const text = fargateTask(`jsonencode([
    {
      name  = "web"
      image = "nginx:latest"
      environment = [
        { name = "DB_PASSWORD", value = "hunter2" },
      ]
    }
  ])`);
    const findings = lint([{ file: "main.tf", text }]);
    expect(only(findings, "image-tag-pinned")).toEqual([{ file: "main.tf", ...at(text, '"nginx:latest"'), resource: "aws_ecs_task_definition.app" }]);
    expect(only(findings, "no-plaintext-secrets")).toEqual([{ file: "main.tf", ...at(text, '"hunter2"'), resource: "aws_ecs_task_definition.app" }]);
  });

  it("reads heredoc JSON at the JSON's own lines", () => {
    const text = fargateTask(`<<-EOT
    [
      {
        "name": "web",
        "image": "nginx:1.27",
        "environment": [{ "name": "API_TOKEN", "value": "abc" }],
        "privileged": true
      }
    ]
  EOT`);
    const findings = lint([{ file: "main.tf", text }]);
    expect(only(findings, "no-plaintext-secrets")).toEqual([{ file: "main.tf", ...at(text, '"abc"'), resource: "aws_ecs_task_definition.app" }]);
    expect(only(findings, "privileged-container").map(({ line }) => line)).toEqual([at(text, '"privileged"').line]);
    expect(only(findings, "image-tag-pinned")).toEqual([]);
  });

  it("fills a heredoc's interpolations from variables, and leaves unknown ones unknown", () => {
    const text = `variable "tag" {
  default = "latest"
}
variable "secret" {}
${fargateTask(`<<EOT
[{"name": "web", "image": "nginx:\${var.tag}", "memory": \${var.memory},
  "environment": [{"name": "DB_PASSWORD", "value": "\${var.secret}"}]}]
EOT`)}`;
    const findings = lint([{ file: "main.tf", text }]);
    expect(only(findings, "image-tag-pinned")).toEqual([{ file: "main.tf", ...at(text, '"nginx:${var.tag}"'), resource: "aws_ecs_task_definition.app" }]);
    expect(only(findings, "no-plaintext-secrets")).toEqual([]);
    expect(only(findings, "container-memory-exceeds-task")).toEqual([]);
  });

  it("reads file() through the injected reader, findings in the file read", () => {
    const text = fargateTask(`file("\${path.module}/containers.json")`);
    const containers = '[{"name": "web", "image": "nginx", "environment": [{"name": "PASSWORD", "value": "hunter2"}]}]';
    const findings = lint([{ file: "infra/main.tf", text }], { "infra/containers.json": containers });
    // Reported in the file that holds the value, at its line, and once even when that file is linted too.
    expect(only(findings, "no-plaintext-secrets")).toEqual([{ file: "infra/containers.json", ...at(containers, '"hunter2"'), resource: "aws_ecs_task_definition.app" }]);
    const both = lint(
      [
        { file: "infra/main.tf", text },
        { file: "infra/containers.json", text: containers },
      ],
      { "infra/containers.json": containers },
    );
    expect(only(both, "no-plaintext-secrets")).toEqual([{ file: "infra/containers.json", ...at(containers, '"hunter2"'), resource: "aws_ecs_task_definition.app" }]);
  });

  it("renders templatefile() with its variables; an unknown variable is never a violation", () => {
    const text = `variable "image" {}
${fargateTask(`templatefile("containers.json.tpl", { image = var.image, password = "hunter2", user = "root" })`)}`;
    const template = '[{"name": "web", "image": "${image}", "user": "${user}", "environment": [{"name": "DB_PASSWORD", "value": "${password}"}]}]';
    const findings = lint([{ file: "main.tf", text }], { "containers.json.tpl": template });
    expect(only(findings, "no-plaintext-secrets").map(({ line }) => line)).toEqual([at(text, "templatefile(").line]);
    expect(only(findings, "container-runs-as-root").map(({ line }) => line)).toEqual([at(text, "templatefile(").line]);
    expect(only(findings, "image-tag-pinned")).toEqual([]);
  });

  it("leaves container definitions from an unread file or function unknown", () => {
    const text = fargateTask('file("missing.json")');
    const other = fargateTask("module.containers.json").replace('"app"', '"other"');
    const findings = lint([
      { file: "a/main.tf", text },
      { file: "b/main.tf", text: other },
    ]);
    expect(findings.filter((finding) => finding.path.includes("container"))).toEqual([]);
  });
});

describe("Terraform values", () => {
  it("resolves variables' defaults and locals across the files of a directory", () => {
    const variables = `variable "mode" {
  default = "bridge"
}
variable "open" {}
locals {
  compat = ["FARGATE"]
}
`;
    const main = `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = local.compat
  network_mode             = var.mode
  container_definitions    = jsonencode([{ name = "web", image = "nginx:1", essential = true, privileged = var.open }])
}
`;
    const findings = lint([
      { file: "infra/main.tf", text: main },
      { file: "infra/variables.tf", text: variables },
    ]);
    // A value from a sibling file is anchored where this file references it.
    expect(only(findings, "fargate-requires-awsvpc")).toEqual([{ file: "infra/main.tf", ...at(main, "var.mode"), resource: "aws_ecs_task_definition.app" }]);
    expect(only(findings, "privileged-container")).toEqual([]);
  });

  it("reports a cluster with no setting block at the resource, and none with Container Insights on", () => {
    const text = `resource "aws_ecs_cluster" "bare" {
  name = "bare"
}

resource "aws_ecs_cluster" "watched" {
  name = "watched"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster" "off" {
  name = "off"
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_cluster" "dynamic" {
  name = "dynamic"
  dynamic "setting" {
    for_each = var.settings
    content {
      name  = setting.key
      value = setting.value
    }
  }
}
`;
    expect(only(lint([{ file: "main.tf", text }]), "cluster-container-insights")).toEqual([
      { file: "main.tf", line: 1, column: 1, resource: "aws_ecs_cluster.bare" },
      { file: "main.tf", ...at(text, '"disabled"'), resource: "aws_ecs_cluster.off" },
    ]);
  });

  it("skips resources whose count is a known 0, and reads those with an unknown count", () => {
    const text = `variable "create" {
  default = false
}
resource "aws_ecs_cluster" "off" {
  count = var.create ? 1 : 0
  name  = "off"
}
resource "aws_ecs_cluster" "maybe" {
  count = var.unknown ? 1 : 0
  name  = "maybe"
}
`;
    expect(only(lint([{ file: "main.tf", text }]), "cluster-container-insights").map(({ resource }) => resource)).toEqual([
      "aws_ecs_cluster.maybe",
    ]);
  });

  it("links a service to the task definition it references, in another file", () => {
    const task = `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "web", image = "nginx:1" }])
}
`;
    const service = `resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
}
`;
    const report = lintSources(
      [
        { file: "tf/task.tf", text: task },
        { file: "tf/service.tf", text: service },
      ],
      { terraform: terraformSupport(parser) },
    );
    expect(only(report.findings, "awsvpc-service-network-configuration")).toEqual([
      { file: "tf/service.tf", ...at(service, "aws_ecs_task_definition.app.arn"), resource: "aws_ecs_service.web" },
    ]);
  });

  it("knows a repository's lifecycle policy by reference or by name, and reads the policy", () => {
    const text = `resource "aws_ecr_repository" "with_policy" {
  name = "app"
}
resource "aws_ecr_repository" "without" {
  name = "other"
}
resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.with_policy.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      selection    = { tagStatus = "untagged", countType = "imageCountMoreThan", countNumber = 0 }
      action       = { type = "expire" }
    }]
  })
}
`;
    const findings = lint([{ file: "main.tf", text }]);
    expect(only(findings, "ecr-lifecycle-policy-present").map(({ resource }) => resource)).toEqual(["aws_ecr_repository.without"]);
    expect(only(findings, "lifecycle-policy-valid")).toEqual([
      expect.objectContaining({ ...at(text, "0 }"), resource: "aws_ecr_lifecycle_policy.app" }),
    ]);
  });
});

describe("Terraform modules", () => {
  const root = `module "web" {
  source       = "./modules/service"
  network_mode = "bridge"
  image        = "nginx:latest"
}
`;
  const moduleMain = `variable "network_mode" {
  default = "awsvpc"
}
variable "image" {}
resource "aws_ecs_task_definition" "this" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode
  container_definitions    = jsonencode([{ name = "web", image = var.image }])
}
`;

  it("reads a local module with the call's arguments, findings on the module's own lines", () => {
    const findings = lint([
      { file: "env/main.tf", text: root },
      { file: "env/modules/service/main.tf", text: moduleMain },
    ]);
    expect(only(findings, "fargate-requires-awsvpc")).toEqual([
      { file: "env/modules/service/main.tf", ...at(moduleMain, "var.network_mode"), resource: "module.web.aws_ecs_task_definition.this" },
    ]);
    expect(only(findings, "image-tag-pinned")).toEqual([
      { file: "env/modules/service/main.tf", ...at(moduleMain, "var.image"), resource: "module.web.aws_ecs_task_definition.this" },
    ]);
  });

  it("reads a module directory on its own as a root module when nothing in the run calls it", () => {
    const findings = lint([{ file: "modules/service/main.tf", text: moduleMain }]);
    expect(only(findings, "fargate-requires-awsvpc")).toEqual([]);
    expect(only(findings, "image-tag-pinned")).toEqual([]);
  });
});

describe("Terraform files that do not parse", () => {
  it("is a parse error at the place it breaks", () => {
    const text = `resource "aws_ecs_cluster" "a" {
  name = "a"

resource "aws_ecs_cluster" "b" {
`;
    const results = loadTerraform([{ file: "main.tf", text }], { parser });
    expect(results).toEqual([expect.objectContaining({ status: "invalid", file: "main.tf" })]);
  });

  it("skips .tf files when no parser is given", () => {
    const report = lintSources([{ file: "main.tf", text: 'resource "aws_ecs_cluster" "a" {}\n' }]);
    expect(report.skippedFiles).toEqual([{ file: "main.tf", reason: "Terraform source: this run has no Terraform parser (the shipshape CLI and the policy-lint action have one)" }]);
  });
});

describe("Terraform model", () => {
  it("gives the plan's shapes: blocks as lists of maps, snake_case arguments, the address as name", () => {
    const text = fargateTask('jsonencode([{ name = "web", image = "nginx:1" }])');
    const results = loadTerraform([{ file: "main.tf", text }], { parser });
    const loaded = results[0]!;
    if (loaded.status !== "loaded") throw new Error("not loaded");
    const [task] = loaded.document.resources as TaskDefinition[];
    expect(task).toMatchObject({ kind: "task-definition", format: "terraform", name: "aws_ecs_task_definition.app", usesFargate: true, networkMode: "awsvpc" });
    expect(task!.containers.map((container) => container.name)).toEqual(["web"]);
    expect(task!.props.str("execution_role_arn")).toBe("arn:aws:iam::123456789012:role/exec");
  });
});

describe("Terraform expressions", () => {
  it("evaluates for expressions, operators, merge() and a local module's outputs", () => {
    const moduleMain = `variable "name" {}
variable "image" {}
variable "environment" {
  default = null
}
locals {
  env_map = var.environment != null ? { for item in var.environment : item.name => item.value } : {}
  definition = merge(
    { name = var.name, image = var.image },
    length(local.env_map) > 0 ? { environment = [for k, v in local.env_map : { name = k, value = v }] } : {},
  )
}
output "definition" {
  value = local.definition
}
output "json" {
  value = "[\${jsonencode(local.definition)}]"
}
`;
    const root = `module "web" {
  source      = "./container"
  name        = "web"
  image       = "nginx:latest"
  environment = [{ name = "DB_PASSWORD", value = "hunter2" }]
}
module "worker" {
  source = "./container"
  name   = "worker"
  image  = "busybox"
}
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([
    module.web.definition,
  ])
}
resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = module.worker.json
}
`;
    const findings = lint([
      { file: "main.tf", text: root },
      { file: "container/main.tf", text: moduleMain },
    ]);
    // Values from the module are anchored where the root file uses its output.
    expect(only(findings, "no-plaintext-secrets")).toEqual([{ file: "main.tf", ...at(root, "module.web.definition"), resource: "aws_ecs_task_definition.app" }]);
    expect(only(findings, "image-tag-pinned")).toEqual([
      { file: "main.tf", ...at(root, "module.web.definition"), resource: "aws_ecs_task_definition.app" },
      { file: "main.tf", ...at(root, "module.worker.json"), resource: "aws_ecs_task_definition.worker" },
    ]);
  });

  it.each([
    ["1 + 2 * 3 == 7", true],
    ['"a" != "b" && !false', true],
    ["var.unknown == null", undefined],
    ["false && var.unknown", false],
    ["[for n in [1, 2, 3] : n * 2 if n > 1]", [4, 6]],
    ['{ for k, v in { a = 1, b = null } : k => v if v != null }', { a: 1 }],
    ['lookup({ a = "x" }, "a", "y")', "x"],
    ['coalesce(null, "", "z")', "z"],
    ['concat(["a"], ["b"])', ["a", "b"]],
    ['contains(["LINUX"], "LINUX")', true],
    ["-(3)", -3],
  ])("%s", (expression, expected) => {
    const text = `resource "aws_ecs_cluster" "c" {\n  name  = "c"\n  value = ${expression}\n}\n`;
    const [result] = loadTerraform([{ file: "main.tf", text }], { parser });
    if (result?.status !== "loaded") throw new Error("not loaded");
    const value = result.document.resources[0]!.props.get("value")!;
    if (expected === undefined) expect(value.kind).toBe("tagged");
    else expect(toPlain(value)).toEqual(expected);
  });
});

describe("Terraform that is built to blow up", () => {
  it("ends with unknown values when a chain of locals doubles at each step", () => {
    const locals = Array.from({ length: 60 }, (_, index) => `  a${index + 1} = [local.a${index}, local.a${index}]`).join("\n");
    const text = `locals {\n  a0 = ["x"]\n${locals}\n}\nresource "aws_ecs_cluster" "c" {\n  name  = "c"\n  value = local.a60\n}\n`;
    const [result] = loadTerraform([{ file: "main.tf", text }], { parser });
    if (result?.status !== "loaded") throw new Error("not loaded");
    expect(result.document.resources[0]!.props.get("value")!.kind).toBe("tagged");
  });
});

describe("Terraform variable types", () => {
  it("fills optional() attributes with their defaults, and a null argument of a non-nullable variable with the default", () => {
    const moduleMain = `variable "containers" {
  type = map(object({
    image      = string
    privileged = optional(bool, true)
    user       = optional(string)
  }))
}
variable "family" {
  type     = string
  default  = "app"
  nullable = false
}
resource "aws_ecs_task_definition" "this" {
  family                = var.family
  container_definitions = jsonencode([for name, c in var.containers : { name = name, image = c.image, privileged = c.privileged, user = c.user }])
}
`;
    const root = `module "app" {
  source     = "./app"
  family     = null
  containers = { web = { image = "nginx:1.27" } }
}
`;
    const findings = lint([
      { file: "main.tf", text: root },
      { file: "app/main.tf", text: moduleMain },
    ]);
    expect(only(findings, "privileged-container").map(({ file, resource }) => ({ file, resource }))).toEqual([
      { file: "app/main.tf", resource: "module.app.aws_ecs_task_definition.this" },
    ]);
    expect(only(findings, "container-runs-as-root")).toHaveLength(1);
  });

  it("keeps a map entry whose filter is unknown, as an unknown value", () => {
    const text = `locals {
  definition = { for k, v in { name = "web", image = "nginx:1.27", user = var.user } : k => v if v != null }
}
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([local.definition])
}
`;
    const findings = lint([{ file: "main.tf", text }]);
    expect(only(findings, "container-runs-as-root")).toEqual([]);
    expect(only(findings, "read-only-root-filesystem")).toHaveLength(1);
  });
});

describe("Terraform count and for_each", () => {
  it("reads each instance of a module call with for_each, and of a resource with a known count", () => {
    const moduleMain = `variable "image" {}
resource "aws_ecs_task_definition" "this" {
  count                 = 1
  family                = "x"
  container_definitions = jsonencode([{ name = "app", image = var.image }])
}
output "family" {
  value = aws_ecs_task_definition.this[0].family
}
`;
    const root = `module "svc" {
  source   = "./svc"
  for_each = { web = "nginx:latest", api = "api:1.0" }
  image    = each.value
}
resource "aws_ecs_cluster" "c" {
  name = module.svc["api"].family
  setting {
    name  = "containerInsights"
    value = [for name, svc in module.svc : name][0]
  }
}
`;
    const findings = lint([
      { file: "main.tf", text: root },
      { file: "svc/main.tf", text: moduleMain },
    ]);
    expect(only(findings, "image-tag-pinned").map(({ resource }) => resource)).toEqual(['module.svc["web"].aws_ecs_task_definition.this[0]']);
    expect(only(findings, "container-runs-as-root").map(({ resource }) => resource).sort()).toEqual([
      'module.svc["api"].aws_ecs_task_definition.this[0]',
      'module.svc["web"].aws_ecs_task_definition.this[0]',
    ]);
    // module.svc as a value: the map of instances, in for_each order; an instance's argument through its output.
    expect(findings.find((finding) => finding.ruleId === "cluster-container-insights")?.message).toContain('"web"');
    const cluster = loadTerraform(
      [
        { file: "main.tf", text: root },
        { file: "svc/main.tf", text: moduleMain },
      ],
      { parser },
    )
      .flatMap((result) => (result.status === "loaded" ? result.document.resources : []))
      .find((resource) => resource.kind === "cluster");
    expect(cluster?.props.str("name")).toBe("x");
  });
});

describe("Terraform dynamic blocks", () => {
  it("makes one block per item of a known for_each, with the iterator's key and value", () => {
    const text = `variable "settings" {
  default = { containerInsights = "disabled" }
}
resource "aws_ecs_cluster" "main" {
  name = "main"
  dynamic "setting" {
    for_each = var.settings
    iterator = s
    content {
      name  = s.key
      value = s.value
    }
  }
}
`;
    expect(only(lint([{ file: "main.tf", text }]), "cluster-container-insights")).toEqual([
      { file: "main.tf", ...at(text, '"disabled"'), resource: "aws_ecs_cluster.main" },
    ]);
  });
});

describe("Terraform files built to exhaust the reader", () => {
  it("is a problem at the place nesting passes the depth limit, not a stack overflow", () => {
    const text = `locals {\n  deep = ${"[".repeat(5000)}${"]".repeat(5000)}\n}\n`;
    const [result] = loadTerraform([{ file: "main.tf", text }], { parser });
    expect(result).toMatchObject({ status: "invalid", message: "nesting deeper than 256 levels" });
  });
});

describe("Terraform files cut and spliced", () => {
  it("never throws, whatever is left of a file", () => {
    const text = `variable "image" {
  default = "nginx:latest"
}
locals {
  env = [for k, v in { A = 1 } : { name = k, value = tostring(v) }]
}
module "m" {
  source = "./m"
}
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = <<-EOT
    [{"name": "web", "image": "\${var.image}", "environment": \${jsonencode(local.env)}}]
  EOT
  dynamic "volume" {
    for_each = { a = 1 }
    content {
      name = volume.key
    }
  }
}
`;
    for (let cut = 0; cut <= text.length; cut += 5) {
      const variants = [text.slice(0, cut), text.slice(cut), text.slice(0, cut) + text.slice(cut + 17)];
      for (const variant of variants)
        expect(() => lintSources([{ file: "main.tf", text: variant }, { file: "m/main.tf", text: variant }], { terraform: terraformSupport(parser) })).not.toThrow();
    }
  });
});

describe("Terraform JSON syntax (.tf.json)", () => {
  it("reads resources, variables and templates, findings at the JSON's lines", () => {
    const text = `{
  "variable": { "tag": { "default": "latest" }, "mode": { "type": "string" } },
  "resource": {
    "aws_ecs_cluster": { "main": { "name": "main" } },
    "aws_ecs_task_definition": {
      "app": {
        "family": "app",
        "network_mode": "\${var.mode}",
        "container_definitions": "[{\\"name\\": \\"web\\", \\"image\\": \\"nginx:\${var.tag}\\"}]"
      }
    }
  }
}
`;
    const findings = lint([{ file: "main.tf.json", text }]);
    expect(only(findings, "cluster-container-insights")).toEqual([{ file: "main.tf.json", ...at(text, '{ "name": "main" }'), resource: "aws_ecs_cluster.main" }]);
    expect(only(findings, "image-tag-pinned")).toEqual([{ file: "main.tf.json", ...at(text, '"[{'), resource: "aws_ecs_task_definition.app" }]);
  });

  it("is a parse error where the JSON breaks", () => {
    const [result] = loadTerraform([{ file: "main.tf.json", text: '{ "resource": ' }], { parser });
    expect(result).toMatchObject({ status: "invalid", file: "main.tf.json" });
  });
});

describe("Terraform resources beside task definitions and services", () => {
  it("reads aws_ecs_cluster_capacity_providers' default strategy, and never its Container Insights", () => {
    const text = `resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = "main"
  capacity_providers = ["FARGATE_SPOT"]
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}
`;
    const findings = lint([{ file: "main.tf", text }]);
    expect(only(findings, "capacity-provider-on-demand-base")).toEqual([
      { file: "main.tf", ...at(text, '"FARGATE_SPOT"\n    weight'), resource: "aws_ecs_cluster_capacity_providers.main" },
    ]);
    expect(only(findings, "cluster-container-insights")).toEqual([]);
  });

  it("reads auto scaling targets and classic load balancers", () => {
    const text = `resource "aws_appautoscaling_target" "web" {
  service_namespace  = "ecs"
  resource_id        = "service/main/web"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 4
  max_capacity       = 2
}
resource "aws_elb" "legacy" {
  name = "legacy"
}
resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = "web:1"
  load_balancer {
    elb_name       = aws_elb.legacy.name
    container_name = "web"
    container_port = 80
  }
}
`;
    const findings = lint([{ file: "main.tf", text }]);
    expect(only(findings, "autoscaling-capacity-range").map(({ resource }) => resource)).toEqual(["aws_appautoscaling_target.web"]);
    expect(only(findings, "no-classic-load-balancer").map(({ resource }) => resource)).toContain("aws_ecs_service.web");
  });
});
