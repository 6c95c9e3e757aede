import { type ImageColumns, type LifecycleEvaluation, tagsAt } from "@shipshape/core";
import type { ImageUse } from "./images-in-use.js";

/** An image reference split up: `<registry>/<repository>[:tag][@digest]`. */
export interface ImageReference {
  /** Lower-cased; empty for Docker Hub references without a registry. */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageReference(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  // Like docker: the first part is a registry when it has a dot or a port, or is localhost.
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasRegistry ? first.toLowerCase() : "";
  let path = hasRegistry ? rest.slice(slash + 1) : rest;
  let tag: string | undefined;
  const colon = path.lastIndexOf(":");
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (tag === undefined && digest === undefined) tag = "latest";
  return { registry, repository: path, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The same private registry whatever endpoint form names it (FIPS, China): `<account>/<region>`. */
function registryKey(registry: string): string {
  const ecr = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(registry);
  return ecr ? `${ecr[1]}/${ecr[2]}` : registry;
}

/** An image of the repository that ECS services use, and which ones. */
export interface ProtectedImage {
  imageDigest: string;
  imageTags: string[];
  usedBy: ImageUse[];
}

/**
 * The repository's images that the uses name, by digest, or by tag (a tag names the image that
 * carries it now). repositoryUri is `<registry>/<repository>` as DescribeRepositories gives it.
 */
export function findProtectedImages(columns: ImageColumns, repositoryUri: string, uses: ImageUse[]): ProtectedImage[] {
  const slash = repositoryUri.indexOf("/");
  const registry = registryKey(repositoryUri.slice(0, slash).toLowerCase());
  const repository = repositoryUri.slice(slash + 1);
  const ours = uses
    .map((use) => ({ use, reference: parseImageReference(use.image) }))
    .filter(({ reference }) => registryKey(reference.registry) === registry && reference.repository === repository);
  const protectedImages: ProtectedImage[] = [];
  if (ours.length === 0) return protectedImages;
  const { digests, tagStart, tagValues } = columns;
  for (let index = 0; index < columns.count; index++) {
    const digest = digests[index] as string;
    const start = tagStart[index] as number;
    const end = tagStart[index + 1] as number;
    const carries = (tag: string) => {
      for (let at = start; at < end; at++) if (tagValues[at] === tag) return true;
      return false;
    };
    const usedBy: ImageUse[] = [];
    for (const { use, reference } of ours) {
      if (reference.digest ? reference.digest === digest : reference.tag !== undefined && carries(reference.tag))
        usedBy.push(use);
    }
    if (usedBy.length > 0) protectedImages.push({ imageDigest: digest, imageTags: tagsAt(columns, index), usedBy });
  }
  return protectedImages;
}

/** A protected image that a lifecycle rule would expire or move to archive (where ECS cannot pull it). */
export interface LifecycleConflict extends ProtectedImage {
  rulePriority: number;
  action: "expire" | "transition";
}

export function findLifecycleConflicts(
  evaluation: LifecycleEvaluation,
  protectedImages: ProtectedImage[],
): LifecycleConflict[] {
  const conflicts: LifecycleConflict[] = [];
  if (protectedImages.length === 0) return conflicts;
  const byDigest = new Map<string, ProtectedImage>();
  for (const image of protectedImages) if (!byDigest.has(image.imageDigest)) byDigest.set(image.imageDigest, image);
  const { digests } = evaluation.columns;
  for (const { rule, acted } of evaluation.rules) {
    for (const index of acted) {
      const image = byDigest.get(digests[index] as string);
      if (image) conflicts.push({ ...image, rulePriority: rule.rulePriority, action: rule.action.type });
    }
  }
  return conflicts;
}

/** "sha256:0123456789ab [v1] used by service web (cluster prod, container app)" for messages. */
export function describeImageUses(image: ProtectedImage): string {
  const services = image.usedBy.map(
    (use) => `service ${use.service} (cluster ${use.cluster}, container ${use.container})`,
  );
  return [...new Set(services)].join(", ");
}
