// The CodeDeploy AppSpec of an ECS blue/green deployment: a file from the repository with the new
// task definition ARN put in, or one generated from the service's load balancer.
// AppSpec "resources" section for ECS:
// https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html
import { parseYaml, SyntaxProblem, toPlain } from "@shipshape/core";

type Json = Record<string, unknown>;

/**
 * The AppSpec text (YAML or JSON) as JSON with every resource's TaskDefinition set to `arn`. Keys
 * are matched without regard to case, as CodeDeploy reads them. Throws an Error naming `source`
 * when a section is missing.
 */
export function appSpecWithTaskDefinition(text: string, arn: string, source: string): string {
  let appSpec: unknown;
  try {
    appSpec = toPlain(parseYaml(text));
  } catch (error) {
    if (error instanceof SyntaxProblem) throw new Error(`${source}: not valid YAML or JSON: ${error.message}`);
    throw error;
  }
  const resources = keyed(appSpec, "Resources", source);
  if (!Array.isArray(resources) || resources.length === 0)
    throw new Error(`${source}: Resources must list the ECS service`);
  for (const resource of resources) {
    for (const target of Object.values(isRecord(resource) ? resource : {})) {
      const properties = keyed(target, "Properties", source) as Json;
      properties[keyOf(properties, "TaskDefinition", source)] = arn;
    }
  }
  return JSON.stringify(appSpec);
}

/** An AppSpec for a service with one load balancer target: its container and port take the traffic. */
export function generatedAppSpec(arn: string, target: { containerName: string; containerPort: number }): string {
  return JSON.stringify({
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: "AWS::ECS::Service",
          Properties: {
            TaskDefinition: arn,
            LoadBalancerInfo: { ContainerName: target.containerName, ContainerPort: target.containerPort },
          },
        },
      },
    ],
  });
}

function keyed(value: unknown, key: string, source: string): unknown {
  if (!isRecord(value)) throw new Error(`${source}: ${key} must be inside a mapping`);
  return value[keyOf(value, key, source)];
}

function keyOf(value: Json, key: string, source: string): string {
  const found = Object.keys(value).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  if (found === undefined) throw new Error(`${source}: the AppSpec needs ${key}`);
  return found;
}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
