import type { ImageColumns } from "./image-columns.js";
import { IN_ARCHIVE, IN_STANDARD } from "./image-columns.js";
import type { DigestIndex } from "./internal-digest-index.js";
import type { LifecycleActionType } from "./types.js";

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
  columns: ImageColumns,
  digestIndex: DigestIndex,
): Map<number, HeldImage> {
  const held = new Map<number, HeldImage>();
  const fate = (digest: string): Fate => {
    const index = digestIndex.indexOf(digest);
    if (index === undefined) return "unknown";
    const ruleIndex = plannedRule[index] as number;
    if (ruleIndex >= 0) return actions[ruleIndex] === "expire" ? "expired" : "archive";
    const code = columns.classes[index];
    return code === IN_STANDARD ? "standard" : code === IN_ARCHIVE ? "archive" : "restoring";
  };
  // Only planned images that lists reference can be held; they are looked at in input order.
  const candidates: number[] = [];
  for (const index of columns.referencedBy.keys()) if ((plannedRule[index] as number) >= 0) candidates.push(index);
  let changed = candidates.length > 0;
  while (changed) {
    changed = false;
    for (const index of candidates) {
      const ruleIndex = plannedRule[index] as number;
      if (ruleIndex < 0) continue;
      const action = actions[ruleIndex];
      const staying = (columns.referencedBy.get(index) ?? []).filter((list) => {
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
