// The realistic corpora of the comparison: what users have, not one giant synthetic file.
// - stacks/: deployable CloudFormation templates in YAML, one service stack each (<= 500 resources,
//   CloudFormation's limit, cfn-lint E3010): Parameters, Conditions, comments, the short and long
//   forms of the intrinsics (!Ref, !Sub, !GetAtt, Fn::ImportValue, !If, !Split), IAM roles, a log
//   group, a security group, a target group and listener rule, a Fargate task definition whose app
//   container runs beside sidecars (a FireLens log router, an Envoy proxy), secrets from SSM, and an
//   ECS service with its network configuration; some stacks hold several services.
// - taskdefs/: RegisterTaskDefinition input JSON, the files a deploy job hands to ECS.
// - terraform/: .tf files with the same services (aws_ecs_task_definition with jsonencode()).
// A fraction of the stacks (PLANTED_EVERY) carries one of the three mission mistakes; the rest are
// meant to pass cfn-lint without errors. Seeded: every run writes the same files.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { seeded } from "./corpus.mjs";

/** One stack in this many carries a planted mission mistake (the others none). */
export const PLANTED_EVERY = 10;
const MISTAKES = ["no-plaintext-secrets", "fargate-requires-awsvpc", "no-classic-load-balancer"];

const SIZES = [
  ["256", "512"],
  ["512", "1024"],
  ["1024", "2048"],
  ["2048", "4096"],
];
const FLUENT_BIT = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4";
const ENVOY = "840364872350.dkr.ecr.eu-west-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod";

const sidecarsOf = (random) => {
  const roll = random();
  return roll < 0.45 ? ["log-router"] : roll < 0.75 ? ["log-router", "envoy"] : roll < 0.9 ? ["envoy"] : [];
};

/** The YAML of one service's resources (names prefixed by `prefix`), indented under Resources. */
function serviceResources(stack, prefix, service, random, mistake, priority) {
  const sidecars = sidecarsOf(random);
  const [cpu, memory] = SIZES[Math.floor(random() * SIZES.length)];
  const port = 8080 + Math.floor(random() * 10);
  const firelens = sidecars.includes("log-router");
  const appLogs = firelens
    ? `          LogConfiguration:
            LogDriver: awsfirelens
            Options:
              Name: cloudwatch_logs
              region: !Ref AWS::Region
              log_group_name: !Ref ${prefix}LogGroup
              log_stream_prefix: app/
              auto_create_group: "false"`
    : `          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref ${prefix}LogGroup
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: app`;
  const sidecarLogs = (name) => `          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref ${prefix}LogGroup
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: ${name}`;
  const environment = [
    `            - Name: ENVIRONMENT\n              Value: !Ref Environment`,
    `            - Name: SERVICE_NAME\n              Value: ${service}`,
    `            - Name: PORT\n              Value: "${port}"`,
  ];
  if (mistake === "no-plaintext-secrets")
    environment.push(
      `            - Name: DB_PASSWORD\n              Value: correct-horse-battery-staple # planted: a password in plain text`,
    );
  const containers = [
    `        - Name: app
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/${stack}/${service}:\${ImageTag}"
          Essential: true
          User: "10001"
          ReadonlyRootFilesystem: true
          PortMappings:
            - ContainerPort: ${port}
              Protocol: tcp
          Environment:
${environment.join("\n")}
          Secrets:
            # secrets come from SSM Parameter Store, never from the environment
            - Name: DATABASE_PASSWORD
              ValueFrom: !Sub "arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${stack}/${service}/db-password"
            - Name: API_TOKEN
              ValueFrom: !Sub "arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${stack}/${service}/api-token"
          HealthCheck:
            Command: ["CMD-SHELL", "curl -fs http://localhost:${port}/health || exit 1"]
            Interval: 15
            Retries: 3
${appLogs}${
  sidecars.includes("envoy")
    ? `
          DependsOn:
            - ContainerName: envoy
              Condition: HEALTHY`
    : ""
}`,
  ];
  if (firelens)
    containers.push(`        - Name: log-router
          Image: ${FLUENT_BIT}
          Essential: true
          User: "0"
          FirelensConfiguration:
            Type: fluentbit
            Options:
              enable-ecs-log-metadata: "true"
${sidecarLogs("firelens")}`);
  if (sidecars.includes("envoy"))
    containers.push(`        - Name: envoy
          Image: ${ENVOY}
          Essential: true
          User: "1337"
          Environment:
            - Name: APPMESH_RESOURCE_ARN
              Value: !Sub "arn:aws:appmesh:\${AWS::Region}:\${AWS::AccountId}:mesh/${stack}/virtualNode/${service}"
          HealthCheck:
            Command: ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"]
            Interval: 5
            Timeout: 2
            Retries: 3
            StartPeriod: 10
${sidecarLogs("envoy")}`);
  const loadBalancer =
    mistake === "no-classic-load-balancer"
      ? `      LoadBalancers:
        # planted: a Classic Load Balancer
        - LoadBalancerName: ${stack}-legacy
          ContainerName: app
          ContainerPort: ${port}`
      : `      LoadBalancers:
        - TargetGroupArn: !Ref ${prefix}TargetGroup
          ContainerName: app
          ContainerPort: ${port}`;
  const assumeRole = `        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: ecs-tasks.amazonaws.com
            Action: sts:AssumeRole`;
  return `  # ---- ${service} ----
  ${prefix}LogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub "/ecs/\${AWS::StackName}/${service}"
      RetentionInDays: !If [IsProduction, 90, 14]

  ${prefix}ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
${assumeRole}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
      Policies:
        - PolicyName: read-parameters
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ssm:GetParameters
                Resource: !Sub "arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${stack}/${service}/*"

  ${prefix}TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
${assumeRole}

  ${prefix}SecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub "\${AWS::StackName} ${service} tasks"
      VpcId:
        Fn::ImportValue: !Sub "\${PlatformStack}-VpcId"
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: ${port}
          ToPort: ${port}
          SourceSecurityGroupId:
            Fn::ImportValue: !Sub "\${PlatformStack}-LoadBalancerSecurityGroup"

  ${prefix}TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: ${port}
      Protocol: HTTP
      TargetType: ip
      HealthCheckPath: /health
      VpcId:
        Fn::ImportValue: !Sub "\${PlatformStack}-VpcId"

  ${prefix}ListenerRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn:
        Fn::ImportValue: !Sub "\${PlatformStack}-HttpsListener"
      Priority: ${priority}
      Conditions:
        - Field: path-pattern
          PathPatternConfig:
            Values: ["/${stack}/${service}/*"]
      Actions:
        - Type: forward
          TargetGroupArn: !Ref ${prefix}TargetGroup

  ${prefix}TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub "\${AWS::StackName}-${service}"
      RequiresCompatibilities: [FARGATE]
      NetworkMode: ${mistake === "fargate-requires-awsvpc" ? "bridge # planted: Fargate needs awsvpc" : "awsvpc"}
      Cpu: "${cpu}"
      Memory: "${memory}"
      ExecutionRoleArn: !GetAtt ${prefix}ExecutionRole.Arn
      TaskRoleArn: !GetAtt ${prefix}TaskRole.Arn
      ContainerDefinitions:
${containers.join("\n")}

  ${prefix}Service:
    Type: AWS::ECS::Service
    DependsOn: ${prefix}ListenerRule
    Properties:
      Cluster:
        Fn::ImportValue: !Sub "\${PlatformStack}-ClusterName"
      LaunchType: FARGATE
      PlatformVersion: LATEST
      DesiredCount: !If [IsProduction, !Ref DesiredCount, 1]
      TaskDefinition: !Ref ${prefix}TaskDefinition
      PropagateTags: SERVICE
      EnableECSManagedTags: true
      DeploymentConfiguration:
        MinimumHealthyPercent: 100
        MaximumPercent: 200
        DeploymentCircuitBreaker:
          Enable: true
          Rollback: true
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: DISABLED
          Subnets: !Split [",", !ImportValue PlatformPrivateSubnets]
          SecurityGroups:
            - !Ref ${prefix}SecurityGroup
${loadBalancer}

  ${prefix}ScalableTarget:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Condition: IsProduction
    Properties:
      ServiceNamespace: ecs
      ScalableDimension: ecs:service:DesiredCount
      ResourceId: !Sub
        - "service/\${Cluster}/\${ServiceName}"
        - Cluster:
            Fn::ImportValue: !Sub "\${PlatformStack}-ClusterName"
          ServiceName: !GetAtt ${prefix}Service.Name
      MinCapacity: !Ref DesiredCount
      MaxCapacity: 12

  ${prefix}CpuScaling:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Condition: IsProduction
    Properties:
      PolicyName: !Sub "\${AWS::StackName}-${service}-cpu"
      PolicyType: TargetTrackingScaling
      ScalingTargetId: !Ref ${prefix}ScalableTarget
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 60
        PredefinedMetricSpecification:
          PredefinedMetricType: ECSServiceAverageCPUUtilization
`;
}

const SERVICE_NAMES = ["api", "worker", "web", "orders", "billing", "search", "events", "reports", "auth", "notify"];

/** How many services stack `index` holds: most one, some a few, one in fifty a dozen or more. */
function servicesIn(index, random) {
  if (index % 50 === 49) return 12 + Math.floor(random() * 20); // 10 resources each: <= 320
  return random() < 0.7 ? 1 : 2 + Math.floor(random() * 3);
}

/** One stack's template text, and the mission mistake planted in it (or undefined). */
export function stackTemplate(index, random = seeded(index + 1)) {
  const stack = `team${index % 40}-app${index}`;
  const mistake =
    index % PLANTED_EVERY === PLANTED_EVERY - 1 ? MISTAKES[Math.floor(index / PLANTED_EVERY) % 3] : undefined;
  const count = servicesIn(index, random);
  const services = Array.from(
    { length: count },
    (_, s) => `${SERVICE_NAMES[s % SERVICE_NAMES.length]}${s >= 10 ? s : ""}`,
  );
  const resources = services.map((service, s) => {
    const prefix = service.replace(/^./, (c) => c.toUpperCase());
    return serviceResources(
      stack,
      prefix,
      service,
      random,
      s === 0 ? mistake : undefined,
      ((index * 37 + s) % 49_000) + 1,
    );
  });
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Description: ${stack}, ${count} service${count === 1 ? "" : "s"} on Fargate behind the platform load balancer
# Generated for the shipshape benchmark (bench/realistic-corpus.mjs); deployable beside a platform
# stack that exports the VPC, the cluster, the listener and the private subnets.

Parameters:
  Environment:
    Type: String
    AllowedValues: [dev, staging, production]
    Default: production
  ImageTag:
    Type: String
    Default: "1.${index % 30}.${index}"
    Description: the tag CI pushed; pinned, never latest
  DesiredCount:
    Type: Number
    Default: ${2 + (index % 4)}
    MinValue: 1
  PlatformStack:
    Type: String
    Default: platform

Conditions:
  IsProduction: !Equals [!Ref Environment, production]

Resources:
${resources.join("\n")}
Outputs:
  ${services[0].replace(/^./, (c) => c.toUpperCase())}ServiceName:
    Value: !GetAtt ${services[0].replace(/^./, (c) => c.toUpperCase())}Service.Name
`;
  return { text, mistake, resources: count * 10 };
}

/** RegisterTaskDefinition input JSON for service `index` (the same shape as the stacks' task definitions). */
export function registerTaskDefinition(index, random = seeded(10_000 + index)) {
  const sidecars = sidecarsOf(random);
  const [cpu, memory] = SIZES[Math.floor(random() * SIZES.length)];
  const family = `svc-${index}`;
  const region = "eu-west-1";
  const logs = (prefix) => ({
    logDriver: "awslogs",
    options: { "awslogs-group": `/ecs/${family}`, "awslogs-region": region, "awslogs-stream-prefix": prefix },
  });
  const containers = [
    {
      name: "app",
      image: `123456789012.dkr.ecr.${region}.amazonaws.com/${family}:1.${index % 30}.${index}`,
      essential: true,
      user: "10001",
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: 8080, protocol: "tcp" }],
      environment: [
        { name: "ENVIRONMENT", value: "production" },
        { name: "PORT", value: "8080" },
      ],
      secrets: [
        { name: "DATABASE_PASSWORD", valueFrom: `arn:aws:ssm:${region}:123456789012:parameter/${family}/db-password` },
        {
          name: "API_TOKEN",
          valueFrom: `arn:aws:secretsmanager:${region}:123456789012:secret:${family}/api-token-AbCdEf`,
        },
      ],
      healthCheck: {
        command: ["CMD-SHELL", "curl -fs http://localhost:8080/health || exit 1"],
        interval: 15,
        retries: 3,
      },
      logConfiguration: sidecars.includes("log-router")
        ? {
            logDriver: "awsfirelens",
            options: { Name: "cloudwatch_logs", region, log_group_name: `/ecs/${family}`, log_stream_prefix: "app/" },
          }
        : logs("app"),
      ...(sidecars.includes("envoy") ? { dependsOn: [{ containerName: "envoy", condition: "HEALTHY" }] } : {}),
    },
  ];
  if (sidecars.includes("log-router"))
    containers.push({
      name: "log-router",
      image: FLUENT_BIT,
      essential: true,
      user: "0",
      firelensConfiguration: { type: "fluentbit", options: { "enable-ecs-log-metadata": "true" } },
      logConfiguration: logs("firelens"),
    });
  if (sidecars.includes("envoy"))
    containers.push({
      name: "envoy",
      image: ENVOY,
      essential: true,
      user: "1337",
      environment: [
        {
          name: "APPMESH_RESOURCE_ARN",
          value: `arn:aws:appmesh:${region}:123456789012:mesh/apps/virtualNode/${family}`,
        },
      ],
      healthCheck: {
        command: ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"],
        interval: 5,
        timeout: 2,
        retries: 3,
        startPeriod: 10,
      },
      logConfiguration: logs("envoy"),
    });
  return {
    family,
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu,
    memory,
    executionRoleArn: `arn:aws:iam::123456789012:role/${family}-execution`,
    taskRoleArn: `arn:aws:iam::123456789012:role/${family}-task`,
    containerDefinitions: containers,
    tags: [{ key: "team", value: `team${index % 40}` }],
  };
}

/** The same service in Terraform: a task definition (jsonencode), its service, its log group. */
export function terraformService(index) {
  const task = registerTaskDefinition(index);
  const name = task.family.replace(/-/g, "_");
  return `# ${task.family}: generated for the shipshape benchmark (bench/realistic-corpus.mjs)
variable "${name}_image_tag" {
  type    = string
  default = "1.${index % 30}.${index}"
}

locals {
  ${name}_family = "${task.family}"
}

resource "aws_cloudwatch_log_group" "${name}" {
  name              = "/ecs/\${local.${name}_family}"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "${name}" {
  family                   = local.${name}_family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "${task.cpu}"
  memory                   = "${task.memory}"
  execution_role_arn       = "${task.executionRoleArn}"
  task_role_arn            = "${task.taskRoleArn}"
  container_definitions    = jsonencode(${JSON.stringify(task.containerDefinitions, null, 2).replace(/\n/g, "\n  ")})
}

resource "aws_ecs_service" "${name}" {
  name            = local.${name}_family
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.${name}.arn
  desired_count   = ${2 + (index % 4)}
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnets
    security_groups  = [var.service_security_group]
    assign_public_ip = false
  }
}
`;
}

const TERRAFORM_VARIABLES = `variable "cluster_arn" {
  type = string
}

variable "private_subnets" {
  type = list(string)
}

variable "service_security_group" {
  type = string
}
`;

/**
 * Writes `dir`/stacks (stackCount templates), `dir`/taskdefs (taskDefinitionCount files) and
 * `dir`/terraform (terraformCount .tf files). Returns what it wrote and what it planted.
 */
export function writeRealisticCorpus(dir, { stackCount = 500, taskDefinitionCount = 1000, terraformCount = 200 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ["stacks", "taskdefs", "terraform"]) mkdirSync(`${dir}/${sub}`, { recursive: true });
  const stacks = [];
  for (let i = 0; i < stackCount; i++) {
    const { text, mistake, resources } = stackTemplate(i);
    const file = `${dir}/stacks/stack-${String(i).padStart(3, "0")}.yaml`;
    writeFileSync(file, text);
    stacks.push({ file, mistake, resources });
  }
  const taskdefs = [];
  for (let i = 0; i < taskDefinitionCount; i++) {
    const file = `${dir}/taskdefs/svc-${String(i).padStart(4, "0")}.json`;
    writeFileSync(file, `${JSON.stringify(registerTaskDefinition(i), null, 2)}\n`);
    taskdefs.push(file);
  }
  const terraform = [`${dir}/terraform/variables.tf`];
  writeFileSync(terraform[0], TERRAFORM_VARIABLES);
  for (let i = 0; i < terraformCount; i++) {
    const file = `${dir}/terraform/svc-${String(i).padStart(3, "0")}.tf`;
    writeFileSync(file, terraformService(i));
    terraform.push(file);
  }
  return { stacks, taskdefs, terraform };
}
