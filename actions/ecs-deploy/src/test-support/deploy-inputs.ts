import type { Inputs } from "../context.js";
import { defaultDropIn } from "../drop-in-inputs.test-support.js";
import { SERVICE_STRATEGY } from "../strategy-inputs.js";

/**
 * The step's inputs for a deploy of service web in cluster prod (us-east-1) with container app on
 * repo/web:5 and the policy gate off; everything else as action.yml's defaults leave it. A test
 * overrides what it is about.
 */
export function deployInputs(overrides: Partial<Inputs> = {}): Inputs {
  return {
    region: "us-east-1",
    cluster: "prod",
    service: "web",
    taskDefinition: { kind: "service" },
    images: [{ container: "app", image: "repo/web:5" }],
    desiredCount: undefined,
    minimumHealthyPercent: undefined,
    maximumPercent: undefined,
    circuitBreaker: { enable: true, rollback: true },
    alarms: [],
    wait: true,
    timeoutMinutes: 30,
    policy: { kind: "off" },
    rollback: "never",
    forceNewDeployment: false,
    dryRun: false,
    deploymentStrategy: SERVICE_STRATEGY,
    dropIn: defaultDropIn,
    aliasesUsed: [],
    ...overrides,
  };
}
