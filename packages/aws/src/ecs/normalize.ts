// Comparing a task definition file with a registered revision: ECS returns read-only fields and
// fills in defaults the file may leave out, so both sides are brought to one form first. An
// unchanged file must never register a new revision.
import type { TaskDefinition, Tag } from "@aws-sdk/client-ecs";
import { type TaskDefinitionInput, withoutReadOnlyFields } from "./render.js";

type Json = Record<string, unknown>;

/**
 * Values ECS fills in when a field is left out (API Reference, TaskDefinition and
 * ContainerDefinition): the same field with this value and the field left out mean one thing.
 */
const TASK_DEFAULTS: Json = { networkMode: "bridge", enableFaultInjection: false };
const CONTAINER_DEFAULTS: Json = {
  essential: true,
  cpu: 0,
  versionConsistency: "enabled",
  privileged: false,
  readonlyRootFilesystem: false,
  disableNetworking: false,
  interactive: false,
  pseudoTerminal: false,
};
const HEALTH_CHECK_DEFAULTS: Json = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 };
const PORT_MAPPING_DEFAULTS: Json = { protocol: "tcp", hostPort: 0 };
const MOUNT_DEFAULTS: Json = { readOnly: false };
const EFS_DEFAULTS: Json = { rootDirectory: "/", transitEncryption: "DISABLED" };
const EFS_AUTHORIZATION_DEFAULTS: Json = { iam: "DISABLED" };

/**
 * The task definition in a canonical form: read-only fields dropped, defaults dropped, empty
 * lists and maps dropped, environment/secrets/tags sorted by name, task cpu and memory as strings.
 */
export function normalizeTaskDefinition(definition: TaskDefinitionInput | (TaskDefinition & { tags?: Tag[] })): Json {
  const task = withoutDefaults(structuredClone(withoutReadOnlyFields(definition)) as unknown as Json, TASK_DEFAULTS);
  // In awsvpc and host mode the host port is the container port; ECS writes it in when left out.
  const hostPortIsContainerPort = task.networkMode === "awsvpc" || task.networkMode === "host";
  task.containerDefinitions = list(task.containerDefinitions).map((container) =>
    normalizeContainer(container, hostPortIsContainerPort),
  );
  task.volumes = list(task.volumes).map((volume) => {
    const efs = record(volume.efsVolumeConfiguration);
    if (efs) {
      withoutDefaults(efs, EFS_DEFAULTS);
      const authorization = record(efs.authorizationConfig);
      if (authorization) withoutDefaults(authorization, EFS_AUTHORIZATION_DEFAULTS);
    }
    return volume;
  });
  if (Array.isArray(task.requiresCompatibilities))
    task.requiresCompatibilities = [...task.requiresCompatibilities].sort();
  task.tags = sortedBy(list(task.tags), "key");
  return prune(task) as Json;
}

/** True when registering `rendered` would give the same task definition as `registered`. */
export function taskDefinitionsEqual(
  rendered: TaskDefinitionInput,
  registered: TaskDefinitionInput | (TaskDefinition & { tags?: Tag[] }),
): boolean {
  return canonicalJson(normalizeTaskDefinition(rendered)) === canonicalJson(normalizeTaskDefinition(registered));
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    record(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, item[key]]),
        )
      : item,
  );
}

function normalizeContainer(container: Json, hostPortIsContainerPort: boolean): Json {
  withoutDefaults(container, CONTAINER_DEFAULTS);
  container.portMappings = list(container.portMappings).map((mapping) => {
    if (hostPortIsContainerPort && mapping.hostPort === mapping.containerPort) delete mapping.hostPort;
    return withoutDefaults(mapping, PORT_MAPPING_DEFAULTS);
  });
  container.mountPoints = list(container.mountPoints).map((mount) => withoutDefaults(mount, MOUNT_DEFAULTS));
  container.volumesFrom = list(container.volumesFrom).map((mount) => withoutDefaults(mount, MOUNT_DEFAULTS));
  const healthCheck = record(container.healthCheck);
  if (healthCheck) withoutDefaults(healthCheck, HEALTH_CHECK_DEFAULTS);
  // ECS does not keep the order of environment variables and secrets.
  container.environment = sortedBy(list(container.environment), "name");
  container.secrets = sortedBy(list(container.secrets), "name");
  return container;
}

function withoutDefaults(target: Json, defaults: Json): Json {
  for (const [key, value] of Object.entries(defaults)) if (target[key] === value) delete target[key];
  return target;
}

/** Drops undefined, null, empty lists and empty maps, at every depth. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value instanceof Date) return value.toISOString();
  const object = record(value);
  if (object) {
    const entries = Object.entries(object)
      .map(([key, item]) => [key, prune(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value === null ? undefined : value;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => record(item) !== undefined) : [];
}

function sortedBy(items: Json[], key: string): Json[] {
  return [...items].sort((a, b) => String(a[key] ?? "").localeCompare(String(b[key] ?? "")));
}

function record(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Json)
    : undefined;
}
