// Generated inputs for the benchmarks: realistic task definitions and services, a share of them
// with the mistakes the rules catch. Deterministic (a seeded generator), so runs compare.

/** mulberry32: small, fast, evenly spread; a run is replayed from its seed. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pairs = [["256", "512"], ["512", "1024"], ["1024", "2048"], ["2048", "4096"], ["4096", "8192"], ["256", "4096"]];

export function taskDefinition(index, random) {
  const broken = random() < 0.3;
  const [cpu, memory] = pairs[Math.floor(random() * (broken ? pairs.length : pairs.length - 1))];
  const containers = 1 + Math.floor(random() * 3);
  return {
    family: `service-${index}`,
    requiresCompatibilities: ["FARGATE"],
    networkMode: broken && random() < 0.3 ? "bridge" : "awsvpc",
    cpu,
    memory,
    executionRoleArn: `arn:aws:iam::123456789012:role/service-${index}-execution`,
    taskRoleArn: `arn:aws:iam::123456789012:role/service-${index}-task`,
    containerDefinitions: Array.from({ length: containers }, (_, c) => ({
      name: c === 0 ? "app" : `sidecar-${c}`,
      image: broken && random() < 0.4 ? "nginx:latest" : `123456789012.dkr.ecr.eu-west-1.amazonaws.com/service-${index}:1.${c}.${index % 50}`,
      essential: c === 0,
      user: "10001",
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: 8080 + c, protocol: "tcp" }],
      environment: [
        { name: "PORT", value: String(8080 + c) },
        { name: "LOG_LEVEL", value: "info" },
        broken && random() < 0.5 ? { name: "DB_PASSWORD", value: "correct-horse-battery" } : { name: "CACHE_TTL", value: "300" },
      ],
      secrets: [{ name: "API_TOKEN", valueFrom: `arn:aws:ssm:eu-west-1:123456789012:parameter/service-${index}/api-token` }],
      healthCheck: { command: ["CMD-SHELL", "curl -fs http://localhost:8080/health || exit 1"], interval: 15 },
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": `/ecs/service-${index}`, "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" },
      },
    })),
  };
}

export function service(index, random) {
  return {
    serviceName: `service-${index}`,
    taskDefinition: `service-${index}`,
    desiredCount: 2 + Math.floor(random() * 6),
    launchType: "FARGATE",
    deploymentConfiguration: {
      minimumHealthyPercent: 100,
      maximumPercent: random() < 0.1 ? 100 : 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    networkConfiguration: random() < 0.1 ? undefined : { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], assignPublicIp: "DISABLED" } },
  };
}

const pascal = (value) => {
  if (Array.isArray(value)) return value.map(pascal);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [/^awslogs-/.test(k) ? k : k[0].toUpperCase() + k.slice(1), pascal(v)]));
  return value;
};

/** A CloudFormation template with `count` task definitions, each with its service. */
export function template(count, random) {
  const Resources = {};
  for (let i = 0; i < count; i++) {
    Resources[`Task${i}`] = { Type: "AWS::ECS::TaskDefinition", Properties: pascal(taskDefinition(i, random)) };
    const { taskDefinition: _family, ...rest } = service(i, random);
    Resources[`Service${i}`] = { Type: "AWS::ECS::Service", Properties: { ...pascal(rest), TaskDefinition: { Ref: `Task${i}` } } };
  }
  return { AWSTemplateFormatVersion: "2010-09-09", Resources };
}

// ---- the comparison corpus (bench/compare.mjs) -------------------------------------------------

/** The mission rules; the comparison templates plant each one on known resources. */
export const missionRules = ["no-plaintext-secrets", "fargate-requires-awsvpc", "no-classic-load-balancer"];

/** Which mission mistakes task `index` carries: task 0 all three, then one in four of each in turn. */
function plantedOn(index) {
  if (index === 0) return new Set(missionRules);
  const which = missionRules[index % 4];
  return new Set(which ? [which] : []);
}

/**
 * A CloudFormation template with `count` Fargate task definitions, each with its service, built like
 * `template` (so with its share of hygiene mistakes), but with the three mission mistakes planted on
 * known resources only: a password in a container's environment, a network mode other than awsvpc,
 * a Classic Load Balancer name on the service. Returns { template, planted: { ruleId: [logical ids] } }.
 */
export function missionTemplate(count, seed = count) {
  const random = seeded(seed);
  const Resources = {};
  const planted = Object.fromEntries(missionRules.map((rule) => [rule, []]));
  for (let i = 0; i < count; i++) {
    const mistakes = plantedOn(i);
    const task = withoutMissionMistakes(taskDefinition(i, random));
    if (mistakes.has("no-plaintext-secrets")) {
      task.containerDefinitions[0].environment.push({ name: "DB_PASSWORD", value: "correct-horse-battery-staple" });
      planted["no-plaintext-secrets"].push(`Task${i}`);
    }
    if (mistakes.has("fargate-requires-awsvpc")) {
      task.networkMode = "bridge";
      planted["fargate-requires-awsvpc"].push(`Task${i}`);
    }
    const { taskDefinition: _family, ...serviceProps } = service(i, random);
    if (mistakes.has("no-classic-load-balancer")) {
      serviceProps.loadBalancers = [{ loadBalancerName: `legacy-elb-${i}`, containerName: "app", containerPort: 8080 }];
      planted["no-classic-load-balancer"].push(`Service${i}`);
    }
    Resources[`Task${i}`] = { Type: "AWS::ECS::TaskDefinition", Properties: pascal(task) };
    Resources[`Service${i}`] = { Type: "AWS::ECS::Service", Properties: { ...pascal(serviceProps), TaskDefinition: { Ref: `Task${i}` } } };
  }
  return { template: { AWSTemplateFormatVersion: "2010-09-09", Resources }, planted };
}

/** `taskDefinition` plants some mission mistakes at random; the comparison plants its own. */
function withoutMissionMistakes(task) {
  task.networkMode = "awsvpc";
  for (const container of task.containerDefinitions)
    container.environment = container.environment.filter((variable) => variable.name !== "DB_PASSWORD");
  return task;
}

// ---- Terraform plans (bench/plan.mjs, the fuzz campaign) ---------------------------------------

/**
 * A `terraform show -json` plan with `count` task definitions (container_definitions as the JSON
 * string Terraform writes), each with its service and repository, the services' task_definition
 * unknown until apply and linked through the configuration's references, as a plan that creates
 * both has them. One resource in ten sits in a child module.
 */
export function terraformPlan(count, random) {
  const root = { resources: [], child_modules: [] };
  const modules = new Map();
  const changes = [];
  const configuration = { resources: [], module_calls: {} };
  const managed = (moduleName, type, name, values, afterUnknown, expressions) => {
    const prefix = moduleName ? `module.${moduleName}.` : "";
    const address = `${prefix}${type}.${name}`;
    const resource = {
      address,
      mode: "managed",
      type,
      name,
      provider_name: "registry.terraform.io/hashicorp/aws",
      schema_version: 0,
      values,
      sensitive_values: {},
    };
    if (moduleName) {
      if (!modules.has(moduleName)) {
        const child = { resources: [], address: `module.${moduleName}` };
        modules.set(moduleName, child);
        root.child_modules.push(child);
        configuration.module_calls[moduleName] = { source: `./modules/${moduleName}`, module: { resources: [] } };
      }
      modules.get(moduleName).resources.push(resource);
      configuration.module_calls[moduleName].module.resources.push({
        address: `${type}.${name}`,
        mode: "managed",
        type,
        name,
        expressions,
      });
    } else {
      root.resources.push(resource);
      configuration.resources.push({ address, mode: "managed", type, name, expressions });
    }
    changes.push({
      address,
      mode: "managed",
      type,
      name,
      change: { actions: ["create"], before: null, after: values, after_unknown: afterUnknown },
    });
  };
  for (let i = 0; i < count; i++) {
    const task = taskDefinition(i, random);
    const svc = service(i, random);
    const moduleName = i % 10 === 9 ? `group_${Math.floor(i / 100)}` : undefined;
    const name = `svc_${i}`;
    managed(
      moduleName,
      "aws_ecs_task_definition",
      name,
      {
        family: task.family,
        container_definitions: JSON.stringify(task.containerDefinitions),
        cpu: task.cpu,
        memory: task.memory,
        network_mode: task.networkMode,
        requires_compatibilities: task.requiresCompatibilities,
        execution_role_arn: task.executionRoleArn,
        task_role_arn: task.taskRoleArn,
        ipc_mode: null,
        pid_mode: null,
        placement_constraints: [],
        volume: [],
        tags: { Service: task.family },
      },
      { arn: true, id: true, revision: true, tags_all: true },
      { family: { constant_value: task.family } },
    );
    const network = svc.networkConfiguration?.awsvpcConfiguration;
    managed(
      moduleName,
      "aws_ecs_service",
      name,
      {
        name: svc.serviceName,
        desired_count: svc.desiredCount,
        launch_type: svc.launchType,
        deployment_minimum_healthy_percent: svc.deploymentConfiguration.minimumHealthyPercent,
        deployment_maximum_percent: svc.deploymentConfiguration.maximumPercent,
        deployment_circuit_breaker: [{ enable: true, rollback: true }],
        network_configuration: network
          ? [{ subnets: network.subnets, security_groups: [], assign_public_ip: false }]
          : [],
        load_balancer: [],
      },
      { id: true, task_definition: true, cluster: true },
      { task_definition: { references: [`aws_ecs_task_definition.${name}.arn`, `aws_ecs_task_definition.${name}`] } },
    );
    managed(
      moduleName,
      "aws_ecr_repository",
      name,
      {
        name: `service-${i}`,
        image_tag_mutability: random() < 0.5 ? "MUTABLE" : "IMMUTABLE",
        image_scanning_configuration: [{ scan_on_push: random() < 0.8 }],
        encryption_configuration: [],
      },
      { arn: true, registry_id: true, repository_url: true },
      { name: { constant_value: `service-${i}` } },
    );
  }
  const plan = {
    format_version: "1.2",
    terraform_version: "1.9.8",
    planned_values: { root_module: root },
    resource_changes: changes,
    configuration: {
      provider_config: { aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws" } },
      root_module: configuration,
    },
  };
  for (const change of plan.resource_changes) change.change.after = { ...change.change.after };
  return plan;
}

/** A plan of about `megabytes` MB of JSON, as `terraform show -json` writes it (one line). */
export function terraformPlanOfSize(megabytes, seed = 1) {
  const perTask = JSON.stringify(terraformPlan(20, seeded(seed))).length / 20;
  return JSON.stringify(terraformPlan(Math.max(1, Math.round((megabytes * 1e6) / perTask)), seeded(seed)));
}
