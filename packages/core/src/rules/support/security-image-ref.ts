import type { Node } from "../../document/node.js";
import { scalarString } from "../../model/obj.js";
import type { Container, TaskDefinition } from "../../model/resources.js";
/**
 * Container image references as the image and execution-role rules read them:
 * `[registry[:port]/]repository[:tag][@digest]`. A registry port (`host:5000/app`) is not a tag.
 */
export interface ImageReference {
  /** The registry host (with port), when the first path component names one. */
  registry?: string;
  repository: string;
  tag?: string;
  /** `sha256:…` */
  digest?: string;
}

/** Each container whose image is a literal reference (not empty, not a template placeholder). */
export function literalImages(task: TaskDefinition): { container: Container; node: Node; image: string }[] {
  const images: { container: Container; node: Node; image: string }[] = [];
  for (const container of task.containers) {
    const node = container.props.get("image");
    const image = scalarString(node);
    if (node && image !== undefined && image.trim() !== "" && !isImagePlaceholder(image)) images.push({ container, node, image });
  }
  return images;
}

const imagePlaceholder = /\$\{|\{\{|<[^>]*>/;

export function parseImageReference(image: string): ImageReference {
  const text = image.trim();
  const at = text.indexOf("@");
  const name = at === -1 ? text : text.slice(0, at);
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const slash = name.lastIndexOf("/");
  const lastComponent = name.slice(slash + 1);
  const colon = lastComponent.lastIndexOf(":");
  const tag = colon === -1 ? undefined : lastComponent.slice(colon + 1);
  const path = colon === -1 ? name : name.slice(0, slash + 1 + colon);
  const firstSlash = path.indexOf("/");
  const first = firstSlash === -1 ? undefined : path.slice(0, firstSlash);
  const hasRegistry = first !== undefined && (first.includes(".") || first.includes(":") || first === "localhost");
  const reference: ImageReference = { repository: hasRegistry ? path.slice(firstSlash + 1) : path };
  if (hasRegistry) reference.registry = first;
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** A private Amazon ECR registry host: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]`. */
const privateEcrHost = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;

export function isPrivateEcrImage(image: string): boolean {
  const { registry } = parseImageReference(image);
  return registry !== undefined && privateEcrHost.test(registry);
}

/** A CloudFormation !Sub image template such as `${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:${Tag}`. */
export function isPrivateEcrTemplate(template: string): boolean {
  return /^[^/]*\.dkr\.ecr(?:-fips)?\.[^/]*amazonaws\.com[^/]*\//.test(template.trim());
}

/** Text still to be filled in by a render step: `${IMAGE}`, `{{image}}`, `<IMAGE>`. */
export function isImagePlaceholder(image: string): boolean {
  return imagePlaceholder.test(image);
}
