import { describe, expect, it } from "vitest";
import { inSourceTerms } from "./attribute-names.js";

describe("messages in the source's terms", () => {
  it.each([
    [
      'requiresCompatibilities includes FARGATE, but networkMode is "bridge"',
      'requires_compatibilities includes FARGATE, but network_mode is "bridge"',
    ],
    ["set deploymentCircuitBreaker to { enable: true, rollback: true }", "set deployment_circuit_breaker to { enable: true, rollback: true }"],
    ["add networkConfiguration.awsvpcConfiguration with subnets", "add network_configuration with subnets"],
    // Container fields keep the camelCase they have inside container_definitions.
    ['container "web" hostPort 8080 differs from containerPort 80', 'container "web" hostPort 8080 differs from containerPort 80'],
    ["no logConfiguration; readonlyRootFilesystem not set", "no logConfiguration; readonlyRootFilesystem not set"],
  ])("%s", (message, terraform) => {
    expect(inSourceTerms(message, "terraform")).toBe(terraform);
    expect(inSourceTerms(message, "cloudformation")).toBe(message);
    expect(inSourceTerms(message, "ecs-json")).toBe(message);
  });
});
