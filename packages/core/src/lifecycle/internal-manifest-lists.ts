import type { DigestIndex } from "./internal-digest-index.js";
import type { ImageInfo, LifecycleActionType, StorageClass } from "./types.js";

export interface HeldImage {
  ruleIndex: number;
  /** The referencing manifest lists that stay where they are. */
  manifestLists: string[];
}

type Fate = "expired" | "archive" | "standard" | "restoring" | "unknown";

/**
 * Takes back (plannedRule -1), until nothing changes, every planned action on an image that a staying manifest
 * list references, and returns what it took back. AWS ECR User Guide, "Lifecycle policy evaluation
 * rules": "If an image is referenced by a manifest list, it cannot be expired or archived without
 * the manifest list being deleted or archived first." We read it pairwise: an image may be expired
 * once every list that references it is expired, and archived once every such list is expired or
 * archived. A referencing list that is not among the images given is assumed to stay.
 */
export function holdReferencedImages(
  plannedRule: Int32Array,
  actions: readonly LifecycleActionType[],
  images: readonly ImageInfo[],
  digestIndex: DigestIndex,
  classes: readonly (StorageClass | "restoring")[],
): Map<number, HeldImage> {
  const held = new Map<number, HeldImage>();
  const fate = (digest: string): Fate => {
    const index = digestIndex.indexOf(digest);
    if (index === undefined) return "unknown";
    const ruleIndex = plannedRule[index] as number;
    if (ruleIndex >= 0) return actions[ruleIndex] === "expire" ? "expired" : "archive";
    return classes[index] as Fate;
  };
  // Only planned images that lists reference can be held; they are looked at in input order.
  const candidates: number[] = [];
  images.forEach((image, index) => {
    if ((plannedRule[index] as number) >= 0 && image.referencedBy?.length) candidates.push(index);
  });
  let changed = candidates.length > 0;
  while (changed) {
    changed = false;
    for (const index of candidates) {
      const ruleIndex = plannedRule[index] as number;
      if (ruleIndex < 0) continue;
      const action = actions[ruleIndex];
      const staying = ((images[index] as ImageInfo).referencedBy ?? []).filter((list) => {
        const listFate = fate(list);
        return action === "expire" ? listFate !== "expired" : listFate !== "expired" && listFate !== "archive";
      });
      if (staying.length === 0) continue;
      plannedRule[index] = -1;
      held.set(index, { ruleIndex, manifestLists: staying });
      // Taking this action back may keep a list whose children were planned: look again.
      changed = true;
    }
  }
  return held;
}
