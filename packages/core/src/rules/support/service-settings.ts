import type { Node } from "../../document/node.js";
import { Obj } from "../../model/obj.js";
import type { Service } from "../../model/resources.js";

/**
 * A nested settings object of a resource, read alike from ECS JSON and CloudFormation (a map) and
 * from a Terraform plan (a block: a list holding one map). "unknown" when the value is not a
 * literal (an intrinsic such as `!If`, a value known only after apply): rules then stay silent.
 */
export type SettingsBlock =
  | { state: "absent" }
  | { state: "unknown"; node: Node }
  | { state: "present"; node: Node; obj: Obj };

export function settingsBlock(parent: Obj | undefined, key: string): SettingsBlock {
  const node = parent?.get(key);
  if (!node || (node.kind === "scalar" && node.value === null)) return { state: "absent" };
  if (node.kind === "map") return { state: "present", node, obj: new Obj(node) };
  if (node.kind === "seq") {
    const first = node.items[0];
    if (!first) return { state: "absent" };
    return first.kind === "map" ? { state: "present", node: first, obj: new Obj(first) } : { state: "unknown", node };
  }
  return { state: "unknown", node };
}

/** The block's settings when it is a literal, else undefined (absent or unknown). */
export function settingsObj(parent: Obj | undefined, key: string): Obj | undefined {
  const block = settingsBlock(parent, key);
  return block.state === "present" ? block.obj : undefined;
}

export interface ServiceNetworking {
  /** networkConfiguration (NetworkConfiguration, Terraform network_configuration). */
  network: SettingsBlock;
  /**
   * networkConfiguration.awsvpcConfiguration. Terraform's network_configuration block holds the
   * awsvpc settings (subnets, security_groups, assign_public_ip) itself, so there it is `network`.
   */
  awsvpc: SettingsBlock;
}

export function serviceNetworking(service: Service): ServiceNetworking {
  const network = settingsBlock(service.props, "networkConfiguration");
  if (service.format === "terraform") return { network, awsvpc: network };
  if (network.state !== "present")
    return { network, awsvpc: network.state === "unknown" ? network : { state: "absent" } };
  return { network, awsvpc: settingsBlock(network.obj, "awsvpcConfiguration") };
}

export const FARGATE_CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"];

/** Why the service runs on Fargate: its launchType node or its Fargate capacity provider item; undefined when it does not say so. */
export function serviceFargateEvidence(service: Service): Node | undefined {
  if (service.launchType === "FARGATE") return service.props.get("launchType");
  for (const item of service.props.objs("capacityProviderStrategy")) {
    const provider = item.str("capacityProvider")?.toUpperCase();
    if (provider && FARGATE_CAPACITY_PROVIDERS.includes(provider)) return item.get("capacityProvider");
  }
  return undefined;
}

export type RollingState = "rolling" | "other" | "unknown";

/**
 * Whether the service deploys with the ECS rolling update: deployment controller ECS (the
 * default) and, where the newer deploymentConfiguration.strategy is set, ROLLING. Blue/green
 * (CODE_DEPLOY, or strategy BLUE_GREEN / LINEAR / CANARY) and EXTERNAL are "other"; a
 * non-literal controller or strategy is "unknown".
 */
export function serviceRollingState(service: Service): RollingState {
  const controller = settingsBlock(service.props, "deploymentController");
  if (controller.state === "unknown") return "unknown";
  if (controller.state === "present" && controller.obj.has("type")) {
    const type = controller.obj.str("type")?.toUpperCase();
    if (type === undefined) return "unknown";
    if (type !== "ECS") return "other";
  }
  const configuration = settingsBlock(service.props, "deploymentConfiguration");
  if (configuration.state === "present" && configuration.obj.has("strategy")) {
    const strategy = configuration.obj.str("strategy")?.toUpperCase();
    if (strategy === undefined) return "unknown";
    if (strategy !== "ROLLING") return "other";
  }
  return "rolling";
}

/** schedulingStrategy DAEMON (literal); REPLICA is the default. */
export function serviceIsDaemon(service: Service): boolean {
  return service.props.str("schedulingStrategy")?.toUpperCase() === "DAEMON";
}

/** Why a service counts as Fargate, in words for a message. */
export function fargateReason(service: Service): string {
  return service.launchType === "FARGATE" ? "launchType is FARGATE" : "the service runs on a Fargate capacity provider";
}
