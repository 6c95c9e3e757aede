// Scripted DescribeServiceDeployments / ListServiceDeployments answers for tests: moto does not
// serve the service-deployment API, so these sequences stand in for ECS. The shapes follow the API
// Reference: ServiceDeployment (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html),
// ServiceRevisionSummary (.../API_ServiceRevisionSummary.html), DeploymentLifecycleHookDetail
// (.../API_DeploymentLifecycleHookDetail.html), ServiceDeploymentBrief (.../API_ServiceDeploymentBrief.html),
// and the pause-hook example of "Pause hooks for Amazon ECS service deployments"
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/pause-lifecycle-hooks.html).
// Exported from the package only for tests (the actions' tests use it too).
import type {
  DescribeServiceDeploymentsCommandOutput,
  ListServiceDeploymentsCommandOutput,
  ServiceDeployment,
  ServiceDeploymentBrief,
} from "@aws-sdk/client-ecs";

const ACCOUNT = "arn:aws:ecs:us-east-1:123456789012";
export const SCRIPTED_DEPLOYMENT_ARN = `${ACCOUNT}:service-deployment/prod/web/r9i43YFjvgF_xlg7m2eJ1r`;
export const SCRIPTED_PREVIOUS_DEPLOYMENT_ARN = `${ACCOUNT}:service-deployment/prod/web/EZe5RNVLH6PPzHXINuP28`;
export const SCRIPTED_PAUSE_HOOK_ID = "ecs-pause-e7tK9G_WRJqNF_EOMjztDXfKenlJuEUVjsNStf4WLKw";
const BLUE = `${ACCOUNT}:service-revision/prod/web/1111111111111111111`;
const GREEN = `${ACCOUNT}:service-revision/prod/web/2222222222222222222`;
const CREATED = new Date("2026-01-15T10:00:00Z");

export interface ScriptedStage {
  status?: ServiceDeployment["status"];
  /**
   * A string, not the SDK's enum: ServiceDeployment.lifecycleStage's documentation lists
   * PRE_PRODUCTION_TRAFFIC_SHIFT, which the SDK's ServiceDeploymentLifecycleStage (3.1164) lacks.
   */
  stage?: string;
  /** Production traffic on the green (target) revision. */
  production?: number;
  test?: number;
  hooks?: ServiceDeployment["lifecycleHookDetails"];
  fields?: Partial<ServiceDeployment>;
}

/** One service deployment of a canary (10%, 15 minutes, bake 60) from blue to green. */
export function scriptedDeployment(step: ScriptedStage): ServiceDeployment {
  const production = step.production ?? 0;
  return {
    serviceDeploymentArn: SCRIPTED_DEPLOYMENT_ARN,
    serviceArn: `${ACCOUNT}:service/prod/web`,
    clusterArn: `${ACCOUNT}:cluster/prod`,
    createdAt: CREATED,
    startedAt: CREATED,
    updatedAt: CREATED,
    sourceServiceRevisions: [
      {
        arn: BLUE,
        requestedTaskCount: 2,
        runningTaskCount: 2,
        pendingTaskCount: 0,
        requestedProductionTrafficWeight: 100 - production,
        requestedTestTrafficWeight: 100 - (step.test ?? 0),
      },
    ],
    targetServiceRevision: {
      arn: GREEN,
      requestedTaskCount: 2,
      runningTaskCount: step.stage === "PRE_SCALE_UP" || step.stage === undefined ? 0 : 2,
      pendingTaskCount: 0,
      requestedProductionTrafficWeight: production,
      requestedTestTrafficWeight: step.test ?? 0,
    },
    status: step.status ?? "IN_PROGRESS",
    ...(step.stage ? { lifecycleStage: step.stage as ServiceDeployment["lifecycleStage"] } : {}),
    ...(step.hooks ? { lifecycleHookDetails: step.hooks } : {}),
    deploymentConfiguration: {
      strategy: "CANARY",
      bakeTimeInMinutes: 60,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 },
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms: { alarmNames: ["web-5xx"], enable: true, rollback: true },
    },
    deploymentCircuitBreaker: { status: "MONITORING", failureCount: 0, threshold: 3 },
    alarms: { status: "MONITORING", alarmNames: ["web-5xx"], triggeredAlarmNames: [] },
    ...step.fields,
  };
}

export function describeAnswer(step: ScriptedStage): DescribeServiceDeploymentsCommandOutput {
  return { $metadata: {}, serviceDeployments: [scriptedDeployment(step)], failures: [] };
}

/** The canary from start to SUCCESSFUL, a few stages answered twice (a poll that saw no change). */
export const CANARY_TO_SUCCESS: ScriptedStage[] = [
  { status: "PENDING" },
  { stage: "PRE_SCALE_UP" },
  { stage: "SCALE_UP" },
  { stage: "SCALE_UP" },
  { stage: "POST_SCALE_UP" },
  { stage: "TEST_TRAFFIC_SHIFT", test: 100 },
  { stage: "POST_TEST_TRAFFIC_SHIFT", test: 100 },
  { stage: "PRE_PRODUCTION_TRAFFIC_SHIFT", test: 100 },
  { stage: "PRODUCTION_TRAFFIC_SHIFT", test: 100, production: 10 },
  { stage: "PRODUCTION_TRAFFIC_SHIFT", test: 100, production: 10 },
  { stage: "PRE_PRODUCTION_TRAFFIC_SHIFT", test: 100, production: 10 },
  { stage: "PRODUCTION_TRAFFIC_SHIFT", test: 100, production: 100 },
  { stage: "POST_PRODUCTION_TRAFFIC_SHIFT", test: 100, production: 100 },
  { stage: "BAKE_TIME", test: 100, production: 100 },
  { stage: "BAKE_TIME", test: 100, production: 100 },
  { stage: "CLEAN_UP", test: 100, production: 100 },
  { status: "SUCCESSFUL", stage: "CLEAN_UP", test: 100, production: 100 },
];

export function listAnswer(...deployments: Partial<ServiceDeploymentBrief>[]): ListServiceDeploymentsCommandOutput {
  return {
    $metadata: {},
    serviceDeployments: deployments.map((brief) => ({
      serviceArn: `${ACCOUNT}:service/prod/web`,
      clusterArn: `${ACCOUNT}:cluster/prod`,
      ...brief,
    })),
  };
}

export const PREVIOUS_BRIEF: Partial<ServiceDeploymentBrief> = {
  serviceDeploymentArn: SCRIPTED_PREVIOUS_DEPLOYMENT_ARN,
  status: "SUCCESSFUL",
  createdAt: new Date("2026-01-14T09:00:00Z"),
  finishedAt: new Date("2026-01-14T10:30:00Z"),
  targetServiceRevisionArn: BLUE,
};

export const STARTED_BRIEF: Partial<ServiceDeploymentBrief> = {
  serviceDeploymentArn: SCRIPTED_DEPLOYMENT_ARN,
  status: "PENDING",
  createdAt: CREATED,
  targetServiceRevisionArn: GREEN,
};

/** A PAUSE hook as DescribeServiceDeployments lists it while the deployment waits. */
export function pauseHook(status: "AWAITING_ACTION" | "SUCCEEDED" | "TIMED_OUT") {
  return [
    {
      hookId: SCRIPTED_PAUSE_HOOK_ID,
      targetType: "PAUSE" as const,
      status,
      expiresAt: new Date("2026-01-15T12:00:00Z"),
      timeoutAction: "ROLLBACK" as const,
    },
  ];
}
