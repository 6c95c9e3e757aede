// Generated inputs for the benchmarks: realistic task definitions and services, a share of them
// with the mistakes the rules catch. Deterministic (a seeded generator), so runs compare.

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
