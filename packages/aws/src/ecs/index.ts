/**
 * The ECS side of a deploy: render images into a task definition, register it only when it
 * differs from the service's current one, update the service, watch the rollout, roll back.
 *
 *   const ecs = createEcsClient({ region });
 *   const service = await describeService(ecs, { cluster, service: "web" });
 *   const current = await describeTaskDefinition(ecs, service.taskDefinition!);
 *   const rendered = taskDefinitionFromDocument(toPlain(renderedTree), "task-definition.json");
 *   const { taskDefinitionArn, registered } = await registerIfChanged(ecs, rendered, current);
 *   const { deployment } = await updateService(ecs, updateServiceInput(ref, service, taskDefinitionArn, settings));
 *   const result = await watchRollout(ecs, { ...ref, deploymentId: deployment!.id!, taskDefinitionArn, timeoutMs, onProgress });
 */
export { createEcsClient, isTransientError } from "./client.js";
export {
  type ContainerImage,
  READ_ONLY_TASK_DEFINITION_FIELDS,
  type TaskDefinitionInput,
  taskDefinitionFromDocument,
  withoutReadOnlyFields,
} from "./render.js";
export { canonicalJson, normalizeTaskDefinition, taskDefinitionsEqual } from "./normalize.js";
export { diffTaskDefinitions, formatTaskDefinitionChanges, type TaskDefinitionChange } from "./diff.js";
export {
  describeTaskDefinition,
  type RegisteredTaskDefinition,
  type Registration,
  registerIfChanged,
} from "./task-definition.js";
export {
  type DeploymentSettings,
  describeService,
  effectiveDeploymentSettings,
  primaryDeployment,
  rollBackService,
  type ServiceRef,
  type ServiceUpdate,
  updateService,
  updateServiceInput,
} from "./service.js";
export {
  assessRollout,
  formatRolloutLine,
  type RolloutSnapshot,
  type RolloutState,
  takeNewEvents,
  type WatchedDeployment,
} from "./rollout-status.js";
export {
  familyOf,
  findStoppedTasks,
  formatStoppedTask,
  type StoppedTask,
  type StoppedTaskQuery,
} from "./stopped-tasks.js";
export {
  type Clock,
  DEFAULT_MAX_POLL_INTERVAL_MS,
  DEFAULT_POLL_INTERVAL_MS,
  type RolloutResult,
  type RolloutWatch,
  watchRollout,
} from "./watch.js";
export {
  assessServiceDeployment,
  formatServiceDeploymentLine,
  type HookSnapshot,
  reachedStage,
  type ServiceDeploymentSnapshot,
  type ServiceDeploymentState,
} from "./service-deployment-status.js";
export {
  describeServiceDeployment,
  findPausedDeployment,
  findStartedServiceDeployment,
  formatHookHistory,
  type HookHistory,
  listServiceDeployments,
  type PausedDeployment,
  resolvePausedDeployment,
  type ServiceDeploymentDiscovery,
  type ServiceDeploymentResult,
  type ServiceDeploymentWatch,
  type StageVisit,
  stopServiceDeploymentWithRollback,
  type WaitUntil,
  watchServiceDeployment,
} from "./service-deployments.js";
export {
  awslogsStreamOf,
  type ContainerFailure,
  containerFailures,
  describeTasks,
  formatContainerFailure,
  runTasks,
  type TaskWait,
  taskIdOf,
  waitForTasksStopped,
} from "./run-task.js";
