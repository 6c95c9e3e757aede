import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { lint } from "../engine/lint.js";
import { loadDocument } from "../loaders/load.js";
import blueGreenLoadBalancerConfig from "./blue-green-load-balancer-config.js";
import deploymentLifecycleHooks from "./deployment-lifecycle-hooks.js";
import deploymentStrategySettings from "./deployment-strategy-settings.js";
import { terraformPlanCase } from "./test-support/terraform-plan-case.js";

const rules = [deploymentStrategySettings, blueGreenLoadBalancerConfig, deploymentLifecycleHooks];

// Any shape where the rules expect one, and the values they look for.
const anyValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true, min: -5, max: 30000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(""),
  fc.constant([]),
  fc.constantFrom("ROLLING", "BLUE_GREEN", "LINEAR", "CANARY", "ECS", "CODE_DEPLOY", "PAUSE", "AWS_LAMBDA", "TEST_TRAFFIC_SHIFT", "15"),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const orAny = <T>(arbitrary: fc.Arbitrary<T>) => maybe(fc.oneof(arbitrary, anyValue));

const hook = fc.record(
  {
    targetType: orAny(fc.constantFrom("AWS_LAMBDA", "PAUSE")),
    hookTargetArn: maybe(anyValue),
    roleArn: maybe(anyValue),
    lifecycleStages: orAny(fc.array(fc.oneof(fc.constantFrom("TEST_TRAFFIC_SHIFT", "POST_SCALE_UP"), anyValue), { maxLength: 3 })),
    timeoutConfiguration: orAny(fc.record({ timeoutInMinutes: maybe(anyValue), action: maybe(anyValue) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

const service = fc.record(
  {
    serviceName: fc.constant("web"),
    deploymentController: orAny(fc.record({ type: orAny(fc.constantFrom("ECS", "CODE_DEPLOY", "EXTERNAL")) }, { requiredKeys: [] })),
    deploymentConfiguration: orAny(
      fc.record(
        {
          strategy: orAny(fc.constantFrom("ROLLING", "BLUE_GREEN", "LINEAR", "CANARY")),
          bakeTimeInMinutes: maybe(anyValue),
          canaryConfiguration: orAny(fc.record({ canaryPercent: maybe(anyValue), canaryBakeTimeInMinutes: maybe(anyValue) }, { requiredKeys: [] })),
          linearConfiguration: orAny(fc.record({ stepPercent: maybe(anyValue), stepBakeTimeInMinutes: maybe(anyValue) }, { requiredKeys: [] })),
          lifecycleHooks: orAny(fc.array(fc.oneof(hook, anyValue), { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
    ),
    loadBalancers: orAny(
      fc.array(
        fc.record(
          {
            targetGroupArn: maybe(anyValue),
            advancedConfiguration: orAny(
              fc.record({ alternateTargetGroupArn: maybe(anyValue), productionListenerRule: maybe(anyValue), roleArn: maybe(anyValue) }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
    ),
  },
  { requiredKeys: ["serviceName"] },
);

const snake = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(snake);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)]));
  return value;
};

function lintInside(file: string, text: string) {
  const loaded = loadDocument(file, text);
  if (loaded.status !== "loaded") return;
  const lines = text.split("\n");
  for (const finding of lint([loaded], rules, new Map(rules.map((rule) => [rule.id, rule.severity])))) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines.length);
    expect(finding.message).not.toMatch(/\{\{|\[object Object\]|undefined/);
  }
}

describe("the deployment strategy rules on any service", () => {
  it("never throw, in service JSON, CloudFormation and Terraform plan form", () => {
    fc.assert(
      fc.property(service, (svc) => {
        lintInside("service.json", JSON.stringify(svc, null, 2));
        lintInside("stack.yaml", stringify({ Resources: { Service: { Type: "AWS::ECS::Service", Properties: svc } } }));
        lintInside("plan.json", terraformPlanCase("aws_ecs_service", snake(svc) as Record<string, unknown>));
      }),
      { numRuns: 300 },
    );
  });
});
