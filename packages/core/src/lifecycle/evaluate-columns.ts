import { classCode, type ImageColumns, RESTORING } from "./image-columns.js";
import { indexDigests } from "./internal-digest-index.js";
import { type HeldImage, holdReferencedImages } from "./internal-manifest-lists.js";
import { sortNewestFirst } from "./internal-newest-first.js";
import { keptMessage, olderThanLimit, ruleNote, type RuleView } from "./internal-reasons.js";
import { orderTimeAt } from "./internal-times.js";
import { columnsTagFilter } from "./tag-match.js";
import type { KeptReason, LifecyclePolicy, LifecycleRule, StorageClass } from "./types.js";

// The evaluation over images held in columns (image-columns.ts): per-image state lives in typed
// arrays indexed like the columns, and the reasons in words are computed only when asked for.

const NONE = -1;

/** What one rule does, by image index. */
export interface RuleEvaluation {
  readonly rule: LifecycleRule;
  readonly storageClass: StorageClass;
  /** Every image the rule's filter identifies (its pool), newest first. */
  readonly pool: Int32Array;
  /** 1 at the index of every pool image its count criterion marks, claimed by higher rules or not. */
  readonly marked: Uint8Array;
  /** The images the rule acts on, in pool order: marked, no higher rule identified, no manifest list holds. */
  readonly acted: Int32Array;
}

/** Indices of the images in `storageClass`, newest first; equal times fall back to the digest. */
function newestFirst(columns: ImageColumns, storageClass: StorageClass): number[] {
  const code = classCode(storageClass);
  const indices: number[] = [];
  const times = new Float64Array(columns.count);
  for (let index = 0; index < columns.count; index++) {
    if (columns.classes[index] !== code) continue;
    indices.push(index);
    times[index] = orderTimeAt(columns, index, code);
  }
  // The digest tie-break keeps the outcome independent of input order.
  return sortNewestFirst(indices, times, (index) => columns.digests[index] as string);
}

function viewRule(rule: LifecycleRule, columns: ImageColumns, ordered: readonly number[], now: number): RuleView {
  const { selection } = rule;
  const storageClass = selection.storageClass ?? "standard";
  const code = classCode(storageClass);
  const matches = columnsTagFilter(selection);
  const byAge = selection.countType !== "imageCountMoreThan";
  const identifies = new Uint8Array(columns.count);
  const marked = new Uint8Array(columns.count);
  let poolSize = 0;
  // In input order, the order the images lie in memory; the pool then keeps the newest-first order.
  for (let index = 0; index < columns.count; index++) {
    if (columns.classes[index] !== code || !matches(columns, index)) continue;
    identifies[index] = 1;
    poolSize++;
    if (byAge && olderThanLimit(rule, columns, index, now)) marked[index] = 1;
  }
  const pool = new Int32Array(poolSize);
  let place = 0;
  for (const index of ordered) if (identifies[index] === 1) pool[place++] = index;
  const view: RuleView = { rule, storageClass, pool, marked, now };
  if (!byAge) {
    // Counted over the whole pool, images that higher rules identify included ("Rules can never
    // mark images that are marked by higher priority rules, but can still identify them").
    const places = new Int32Array(columns.count);
    for (let at = 0; at < pool.length; at++) {
      const index = pool[at] as number;
      places[index] = at;
      if (at >= selection.countNumber) marked[index] = 1;
    }
    view.places = places;
  }
  return view;
}

/**
 * What a lifecycle policy does to a repository's images at `now`, following the AWS ECR User
 * Guide ("How lifecycle policies work", "Lifecycle policy evaluation rules", and the examples):
 * every rule identifies its pool and marks images on its own; then, in ascending rulePriority, a
 * rule acts only on marked images that no higher-priority rule identified; finally images that a
 * staying manifest list references are held back. Validate the policy first: this evaluates
 * whatever it is given. Linear in the images but for one sort per storage class.
 */
export function evaluateImageColumns(policy: LifecyclePolicy, columns: ImageColumns, now: Date): LifecycleEvaluation {
  const nowMillis = now.getTime();
  if (Number.isNaN(nowMillis)) throw new TypeError("now is not a valid date");
  const digestIndex = indexDigests(columns.digests);
  if (digestIndex.duplicate !== undefined) throw new RangeError(`image ${digestIndex.duplicate} is listed twice`);
  if (columns.invalidTime !== undefined) throw new TypeError(columns.invalidTime);

  const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
  const ordered = new Map<StorageClass, number[]>();
  const views = rules.map((rule) => {
    const storageClass = rule.selection.storageClass ?? "standard";
    let order = ordered.get(storageClass);
    if (!order) {
      order = newestFirst(columns, storageClass);
      ordered.set(storageClass, order);
    }
    return viewRule(rule, columns, order, nowMillis);
  });

  // The first (highest-priority) rule that identifies an image owns it: only that rule may act on it.
  const owner = new Int32Array(columns.count).fill(NONE);
  const plannedRule = new Int32Array(columns.count).fill(NONE);
  views.forEach((view, ruleIndex) => {
    for (const index of view.pool) {
      if (owner[index] === NONE) owner[index] = ruleIndex;
      if (owner[index] === ruleIndex && view.marked[index] === 1) plannedRule[index] = ruleIndex;
    }
  });
  const actions = views.map((view) => view.rule.action.type);
  const held = holdReferencedImages(plannedRule, actions, columns, digestIndex.index);
  return new LifecycleEvaluation(columns, views, owner, plannedRule, held);
}

/** evaluateImageColumns' answer: per rule what it acts on, the images kept, and the reasons on demand. */
export class LifecycleEvaluation {
  readonly columns: ImageColumns;
  /** One entry per rule, in ascending rulePriority. */
  readonly rules: readonly RuleEvaluation[];
  /** The images no rule acts on, in input order. */
  readonly kept: Int32Array;
  readonly expiredCount: number;
  readonly transitionedCount: number;
  readonly #views: readonly RuleView[];
  readonly #owner: Int32Array;
  readonly #held: ReadonlyMap<number, HeldImage>;

  constructor(
    columns: ImageColumns,
    views: readonly RuleView[],
    owner: Int32Array,
    plannedRule: Int32Array,
    held: ReadonlyMap<number, HeldImage>,
  ) {
    this.columns = columns;
    this.#views = views;
    this.#owner = owner;
    this.#held = held;
    let expiredCount = 0;
    let transitionedCount = 0;
    this.rules = views.map((view, ruleIndex) => {
      const acted = new Int32Array(view.pool.length);
      let count = 0;
      for (const index of view.pool) if (plannedRule[index] === ruleIndex) acted[count++] = index;
      if (view.rule.action.type === "expire") expiredCount += count;
      else transitionedCount += count;
      return {
        rule: view.rule,
        storageClass: view.storageClass,
        pool: view.pool,
        marked: view.marked,
        acted: acted.subarray(0, count),
      };
    });
    this.expiredCount = expiredCount;
    this.transitionedCount = transitionedCount;
    const kept = new Int32Array(columns.count - expiredCount - transitionedCount);
    let count = 0;
    for (let index = 0; index < columns.count; index++) if (plannedRule[index] === NONE) kept[count++] = index;
    this.kept = kept;
  }

  /** Why rule `ruleIndex` (its place in `rules`) acts on image `index`: "pushed 20 days ago, more than 14". */
  actedReason(ruleIndex: number, index: number): string {
    return ruleNote(this.#views[ruleIndex] as RuleView, this.columns, index);
  }

  /** Why image `index`, one of `kept`, stays. */
  keptReason(index: number): KeptReason {
    if (this.columns.classes[index] === RESTORING) return { kind: "restoring" };
    const hold = this.#held.get(index);
    if (hold) {
      const { rulePriority } = (this.#views[hold.ruleIndex] as RuleView).rule;
      return { kind: "referenced-by-manifest-list", rulePriority, manifestLists: hold.manifestLists };
    }
    const ownerIndex = this.#owner[index] as number;
    if (ownerIndex === NONE) return { kind: "unmatched" };
    const shadowedBy: number[] = [];
    for (let lower = ownerIndex + 1; lower < this.#views.length; lower++) {
      const view = this.#views[lower] as RuleView;
      if (view.marked[index] === 1) shadowedBy.push(view.rule.rulePriority);
    }
    return { kind: "kept-by-rule", rulePriority: (this.#views[ownerIndex] as RuleView).rule.rulePriority, shadowedBy };
  }

  /** keptReason in words; `reason` when the caller has it already. */
  keptMessage(index: number, reason: KeptReason = this.keptReason(index)): string {
    const ruleIndex = this.#held.get(index)?.ruleIndex ?? (this.#owner[index] as number);
    return keptMessage(reason, this.#views, this.columns, index, ruleIndex);
  }
}
