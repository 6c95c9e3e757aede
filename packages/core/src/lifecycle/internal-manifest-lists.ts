import type { ImageInfo, LifecycleActionType, StorageClass } from "./types.js";

export interface PlannedAction {
  ruleIndex: number;
  action: LifecycleActionType;
}

export interface HeldImage {
  ruleIndex: number;
  /** The referencing manifest lists that stay where they are. */
  manifestLists: string[];
}

type Fate = "expired" | "archive" | "standard" | "restoring" | "unknown";

/**
 * Takes back, until nothing changes, every planned action on an image that a staying manifest
 * list references, and returns what it took back. AWS ECR User Guide, "Lifecycle policy evaluation
 * rules": "If an image is referenced by a manifest list, it cannot be expired or archived without
 * the manifest list being deleted or archived first." We read it pairwise: an image may be expired
 * once every list that references it is expired, and archived once every such list is expired or
 * archived. A referencing list that is not among the images given is assumed to stay.
 */
export function holdReferencedImages(
  planned: Map<string, PlannedAction>,
  images: readonly ImageInfo[],
  classes: ReadonlyMap<string, StorageClass | "restoring">,
): Map<string, HeldImage> {
  const held = new Map<string, HeldImage>();
  const fate = (digest: string): Fate => {
    const action = planned.get(digest)?.action;
    if (action === "expire") return "expired";
    if (action === "transition") return "archive";
    return classes.get(digest) ?? "unknown";
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const image of images) {
      const plan = planned.get(image.imageDigest);
      if (!plan || !image.referencedBy?.length) continue;
      const staying = image.referencedBy.filter((list) => {
        const listFate = fate(list);
        return plan.action === "expire" ? listFate !== "expired" : listFate !== "expired" && listFate !== "archive";
      });
      if (staying.length === 0) continue;
      planned.delete(image.imageDigest);
      held.set(image.imageDigest, { ruleIndex: plan.ruleIndex, manifestLists: staying });
      // Taking this action back may keep a list whose children were planned: look again.
      changed = true;
    }
  }
  return held;
}
