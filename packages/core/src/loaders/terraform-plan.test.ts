import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSources } from "../engine/run.js";
import type { Resource } from "../model/resources.js";
import { loadDocument } from "./load.js";
import { UNKNOWN_AFTER_APPLY } from "./terraform-plan-values.js";

const fixture = (name: string) => readFileSync(new URL(`fixtures/terraform/${name}`, import.meta.url), "utf8");

function resourcesOf(file: string, text: string): Resource[] {
  const result = loadDocument(file, text);
  if (result.status !== "loaded") throw new Error(`${file} did not load: ${JSON.stringify(result)}`);
  expect(result.document.description).toBe("Terraform plan");
  return result.document.resources;
}

/** The 1-based line of the `occurrence`-th line holding `needle`. */
function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split("\n");
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(needle) && ++seen === occurrence);
  if (index < 0) throw new Error(`${needle} not found`);
  return index + 1;
}

/** A plan with only planned_values, resource_changes (after_unknown) and configuration references. */
function plan(
  resources: { address: string; values: object; unknown?: object; references?: Record<string, string[]> }[],
): string {
  const typeOf = (address: string) => address.replace(/^(module\.[^.]+\.)*/, "").split(".")[0]!;
  return JSON.stringify(
    {
      format_version: "1.2",
      planned_values: {
        root_module: {
          resources: resources.map(({ address, values }) => ({
            address,
            mode: "managed",
            type: typeOf(address),
            values,
          })),
        },
      },
      resource_changes: resources.map(({ address, values, unknown }) => ({
        address,
        mode: "managed",
        type: typeOf(address),
        change: { actions: ["create"], after: values, after_unknown: unknown ?? {} },
      })),
      configuration: {
        root_module: {
          resources: resources.map(({ address, references = {} }) => ({
            address: address.replace(/\[.*\]$/, ""),
            expressions: Object.fromEntries(
              Object.entries(references).map(([key, refs]) => [key, { references: refs }]),
            ),
          })),
        },
      },
    },
    null,
    2,
  );
}

describe("Terraform plan reader", () => {
  const web = fixture("fargate-web.plan.json");

  it("reads the managed resources of planned_values and child modules, named by address", () => {
    expect(resourcesOf("plan.json", web).map((resource) => `${resource.kind} ${resource.name}`)).toEqual([
      "cluster aws_ecs_cluster.main",
      "task-definition aws_ecs_task_definition.web",
      "service aws_ecs_service.web",
      "ecr-repository aws_ecr_repository.web",
      "lifecycle-policy aws_ecr_lifecycle_policy.web",
      "classic-load-balancer aws_elb.legacy",
      "scalable-target aws_appautoscaling_target.web",
      "scaling-policy aws_appautoscaling_policy.cpu",
      "task-definition module.worker.aws_ecs_task_definition.this",
    ]); // not aws_lb (an ALB), the data source, or the service the plan deletes
  });

  it("reports findings on the lines of the plan, naming the container and the field", () => {
    const { findings } = lintSources([{ file: "plan.json", text: web }]);
    const containers = lineOf(web, '"container_definitions": "[{\\"name\\":\\"web\\"');
    expect(findings.map(({ ruleId, line, resource }) => ({ ruleId, line, resource }))).toEqual([
      {
        ruleId: "cluster-container-insights",
        line: lineOf(web, '"value": "disabled"'),
        resource: "aws_ecs_cluster.main",
      },
      { ruleId: "image-tag-pinned", line: containers, resource: "aws_ecs_task_definition.web" },
      { ruleId: "no-plaintext-secrets", line: containers, resource: "aws_ecs_task_definition.web" },
      {
        ruleId: "no-classic-load-balancer",
        line: lineOf(web, '"elb_name": "legacy-web"'),
        resource: "aws_ecs_service.web",
      },
      {
        ruleId: "service-assigns-public-ip",
        line: lineOf(web, '"assign_public_ip": true'),
        resource: "aws_ecs_service.web",
      },
      {
        ruleId: "ecr-kms-encryption",
        line: lineOf(web, '"encryption_type": "AES256"'),
        resource: "aws_ecr_repository.web",
      },
      { ruleId: "ecr-scan-on-push", line: lineOf(web, '"scan_on_push": false'), resource: "aws_ecr_repository.web" },
      {
        ruleId: "ecr-tag-immutability",
        line: lineOf(web, '"image_tag_mutability": "MUTABLE"'),
        resource: "aws_ecr_repository.web",
      },
      {
        ruleId: "lifecycle-policy-valid",
        line: lineOf(web, '"policy": "{\\"rules\\"'),
        resource: "aws_ecr_lifecycle_policy.web",
      },
      // an aws_elb is reported on its values object (6 lines below its address)
      {
        ruleId: "no-classic-load-balancer",
        line: lineOf(web, '"address": "aws_elb.legacy"') + 6,
        resource: "aws_elb.legacy",
      },
      {
        ruleId: "autoscaling-capacity-range",
        line: lineOf(web, '"min_capacity": 4'),
        resource: "aws_appautoscaling_target.web",
      },
      {
        ruleId: "privileged-container",
        line: lineOf(web, '\\"name\\":\\"worker\\"'),
        resource: "module.worker.aws_ecs_task_definition.this",
      },
    ]);
    const secret = findings.find((finding) => finding.ruleId === "no-plaintext-secrets")!;
    expect(secret.path).toBe(
      "planned_values.root_module.resources[1].values.container_definitions[0].environment[1].value",
    );
    expect(secret.message).toContain('container "web" environment variable "DB_PASSWORD"');
    expect(secret.message).not.toContain("hunter2");
    expect(findings.find((finding) => finding.ruleId === "privileged-container")?.path).toMatch(
      /child_modules\[0\]\.resources\[0\]\.values\.container_definitions\[0\]\.privileged$/,
    );
  });

  it("parses container_definitions as ECS JSON anchored at the string", () => {
    const task = resourcesOf("plan.json", web).find((resource) => resource.kind === "task-definition")!;
    if (task.kind !== "task-definition") throw new Error("not a task definition");
    const host = task.props.get("container_definitions")!;
    expect(task.containers.map((container) => container.name)).toEqual(["web"]);
    expect(task.containers[0]!.props.objs("portMappings")[0]?.num("containerPort")).toBe(8080);
    expect(task.containers[0]!.props.node.start).toBe(host.start);
    expect(task).toMatchObject({ format: "terraform", usesFargate: true, networkMode: "awsvpc" });
  });

  it("treats values known only after apply as unknown, never as violations", () => {
    const text = fixture("unknown-values.plan.json");
    expect(lintSources([{ file: "plan.json", text }]).findings).toEqual([]);
    // Read as "not set" (the keys dropped), the same plan would fail three rules:
    const parsed = JSON.parse(text) as { resource_changes: { change: { after_unknown: object } }[] };
    for (const { change } of parsed.resource_changes) change.after_unknown = {};
    const dropped = JSON.stringify(parsed, null, 2);
    const wrongly = lintSources([{ file: "plan.json", text: dropped }]).findings.map((finding) => finding.ruleId);
    expect([...new Set(wrongly)].sort()).toEqual([
      "autoscaling-target-tracking-metric",
      "awsvpc-service-network-configuration",
      "execution-role-required",
    ]);
  });

  it("puts an unknown node where after_unknown says, anchored there", () => {
    const text = fixture("unknown-values.plan.json");
    const service = resourcesOf("plan.json", text).find((resource) => resource.kind === "service")!;
    const network = service.props.get("network_configuration")!;
    expect(network).toMatchObject({ kind: "tagged", tag: UNKNOWN_AFTER_APPLY, key: "network_configuration" });
    expect(text.slice(network.start - '"network_configuration": '.length, network.end)).toBe(
      '"network_configuration": true',
    );
    expect(service.props.objs("load_balancer")[0]?.get("target_group_arn")).toMatchObject({ kind: "tagged" });
  });

  it("links a service to the task definition its configuration references", () => {
    const [task, service] = resourcesOf(
      "plan.json",
      plan([
        {
          address: "aws_ecs_task_definition.api",
          values: { family: "api", network_mode: "awsvpc", requires_compatibilities: ["EC2"] },
        },
        {
          address: "aws_ecs_service.api",
          values: { name: "api", launch_type: "EC2", network_configuration: [] },
          unknown: { task_definition: true },
          references: { task_definition: ["aws_ecs_task_definition.api.arn", "aws_ecs_task_definition.api"] },
        },
      ]),
    );
    expect(service?.kind === "service" && service.taskDefinitionReference?.logicalId).toBe(task?.name);
    const text = plan([
      { address: "aws_ecs_task_definition.api", values: { family: "api", network_mode: "awsvpc" } },
      {
        address: "aws_ecs_service.api",
        values: { name: "api", launch_type: "EC2" },
        unknown: { task_definition: true },
        references: { task_definition: ["aws_ecs_task_definition.api"] },
      },
    ]);
    const { findings } = lintSources([{ file: "plan.json", text }], {
      config: { rules: { "awsvpc-service-network-configuration": "error" } },
    });
    expect(
      findings
        .filter((finding) => finding.ruleId === "awsvpc-service-network-configuration")
        .map((finding) => finding.message),
    ).toEqual([
      expect.stringContaining(
        'task definition "aws_ecs_task_definition.api" uses network_mode awsvpc, but the service has no network_configuration',
      ),
    ]);
  });

  it("links count instances index to index", () => {
    const resources = resourcesOf(
      "plan.json",
      plan(
        [0, 1].flatMap((index) => [
          { address: `aws_ecs_task_definition.api[${index}]`, values: { family: `api-${index}` } },
          {
            address: `aws_ecs_service.api[${index}]`,
            values: {},
            unknown: { task_definition: true },
            references: { task_definition: ["aws_ecs_task_definition.api"] },
          },
        ]),
      ),
    );
    const links = resources.flatMap((resource) =>
      resource.kind === "service" ? [`${resource.name} -> ${resource.taskDefinitionReference?.logicalId}`] : [],
    );
    expect(links).toEqual([
      "aws_ecs_service.api[0] -> aws_ecs_task_definition.api[0]",
      "aws_ecs_service.api[1] -> aws_ecs_task_definition.api[1]",
    ]);
  });

  it("counts a lifecycle policy for a repository by name or by reference", () => {
    const lint = (policyValues: object, references?: Record<string, string[]>) =>
      lintSources([
        {
          file: "plan.json",
          text: plan([
            { address: "aws_ecr_repository.app", values: { name: "app" } },
            ...(references || Object.keys(policyValues).length
              ? [
                  {
                    address: "aws_ecr_lifecycle_policy.app",
                    values: policyValues,
                    unknown: { policy: true },
                    references,
                  },
                ]
              : []),
          ]),
        },
      ]).findings.filter((finding) => finding.ruleId === "ecr-lifecycle-policy-present");
    expect(lint({})).toHaveLength(1);
    expect(lint({ repository: "app" })).toEqual([]);
    expect(lint({}, { repository: ["aws_ecr_repository.app.name"] })).toEqual([]);
    expect(lint({ repository: "other" })).toHaveLength(1);
  });

  it("reads a cluster whose configuration writes no setting block as having none, though the plan computes it", () => {
    const insights = (references: Record<string, string[]>) =>
      lintSources([
        {
          file: "plan.json",
          text: plan([{ address: "aws_ecs_cluster.main", values: { name: "main" }, unknown: { setting: true }, references }]),
        },
      ]).findings.filter((finding) => finding.ruleId === "cluster-container-insights");
    expect(insights({ name: [] })).toHaveLength(1);
    expect(insights({ name: [], setting: [] })).toEqual([]); // written: known after apply, unknown
  });

  it("reads resource_changes when there are no planned values, skipping deletions", () => {
    const text = JSON.stringify({
      format_version: "1.2",
      resource_changes: [
        {
          address: "aws_elb.old",
          mode: "managed",
          type: "aws_elb",
          change: { actions: ["delete"], before: { name: "old" }, after: null },
        },
        {
          address: "aws_ecs_cluster.main",
          mode: "managed",
          type: "aws_ecs_cluster",
          change: { actions: ["no-op"], after: { name: "main" } },
        },
      ],
    });
    expect(resourcesOf("plan.json", text).map((resource) => resource.name)).toEqual(["aws_ecs_cluster.main"]);
  });

  it("reads terraform show -json of a state", () => {
    const text = JSON.stringify({
      format_version: "1.0",
      values: {
        root_module: {
          resources: [{ address: "aws_elb.web", mode: "managed", type: "aws_elb", values: { name: "web" } }],
        },
      },
    });
    expect(resourcesOf("terraform.tfstate.json", text).map((resource) => resource.kind)).toEqual([
      "classic-load-balancer",
    ]);
  });

  it("places findings by column in a one-line plan, as terraform show -json prints it", () => {
    const oneLine = JSON.stringify(JSON.parse(web));
    const findings = lintSources([{ file: "plan.json", text: oneLine }]).findings;
    expect(findings).toHaveLength(12);
    expect(new Set(findings.map((finding) => finding.line))).toEqual(new Set([1]));
    const elb = findings.find(
      (finding) => finding.resource === "aws_ecs_service.web" && finding.ruleId === "no-classic-load-balancer",
    )!;
    expect(oneLine.slice(elb.column - 1, elb.column - 1 + '"legacy-web"'.length)).toBe('"legacy-web"');
  });

  it("reads aws_ecr_repository_policy's policy string as the policy document", () => {
    const text = plan([
      {
        address: "aws_ecr_repository_policy.web",
        values: { repository: "web", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:*" }] }) },
      },
    ]);
    const [policy] = resourcesOf("plan.json", text);
    expect(policy?.kind).toBe("repository-policy");
    const findings = lintSources([{ file: "plan.json", text }]).findings.filter((f) => f.ruleId === "ecr-repository-policy-public");
    expect(findings.map(({ line, resource }) => ({ line, resource }))).toEqual([
      { line: lineOf(text, '"policy": '), resource: "aws_ecr_repository_policy.web" },
    ]);
  });

  it("links a service's load_balancer block to the target group its configuration references", () => {
    const parsed = JSON.parse(
      plan([
        {
          address: "aws_ecs_service.web",
          values: { name: "web", task_definition: "web:1", load_balancer: [{ container_name: "web", container_port: 80, target_group_arn: null }] },
          unknown: { load_balancer: [{ target_group_arn: true }] },
        },
        { address: "aws_lb_target_group.web", values: { name: "web", port: 80, health_check: [{ port: "8080" }] } },
      ]),
    );
    parsed.configuration.root_module.resources[0].expressions = {
      load_balancer: [{ target_group_arn: { references: ["aws_lb_target_group.web.arn", "aws_lb_target_group.web"] } }],
    };
    const [service, targetGroup] = resourcesOf("plan.json", JSON.stringify(parsed));
    expect(targetGroup?.kind).toBe("target-group");
    expect(service?.kind === "service" && service.loadBalancerTargets.map((target) => target.targetGroupName)).toEqual([
      "aws_lb_target_group.web",
    ]);
  });

  it("checks a dynamic host port against the health check of the target group the plan links", () => {
    const parsed = JSON.parse(
      plan([
        {
          address: "aws_ecs_service.web",
          values: { name: "web", load_balancer: [{ container_name: "web", container_port: 8080, target_group_arn: null }] },
          unknown: { task_definition: true, load_balancer: [{ target_group_arn: true }] },
          references: { task_definition: ["aws_ecs_task_definition.web.arn", "aws_ecs_task_definition.web"] },
        },
        {
          address: "aws_ecs_task_definition.web",
          values: {
            family: "web",
            network_mode: "bridge",
            container_definitions: JSON.stringify([
              { name: "web", image: "nginx:1.27", memory: 256, portMappings: [{ containerPort: 8080, hostPort: 0 }] },
            ]),
          },
        },
        { address: "aws_lb_target_group.web", values: { name: "web", port: 80, health_check: [{ port: "8080" }] } },
      ]),
    );
    parsed.configuration.root_module.resources[0].expressions.load_balancer = [
      { target_group_arn: { references: ["aws_lb_target_group.web.arn", "aws_lb_target_group.web"] } },
    ];
    const text = JSON.stringify(parsed, null, 2);
    const findings = lintSources([{ file: "plan.json", text }]).findings.filter(
      (finding) => finding.ruleId === "dynamic-host-port-health-check",
    );
    expect(findings.map(({ line, resource }) => ({ line, resource }))).toEqual([
      { line: lineOf(text, '"port": "8080"'), resource: "aws_ecs_service.web" },
    ]);
  });

  it("leaves other JSON with a format_version to the other readers", () => {
    expect(loadDocument("x.json", '{"format_version": "1.0", "name": "x"}').status).toBe("skipped");
  });
});
