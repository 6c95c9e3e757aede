/**
 * ECR lifecycle policies as the PutLifecyclePolicy API takes them, the images they act on (the
 * fields of DescribeImages' ImageDetail that matter here), and what an evaluation returns.
 */

export type TagStatus = "tagged" | "untagged" | "any";
export type CountType = "imageCountMoreThan" | "sinceImagePushed" | "sinceImagePulled" | "sinceImageTransitioned";
export type StorageClass = "standard" | "archive";
export type LifecycleActionType = "expire" | "transition";

export interface LifecycleSelection {
  tagStatus: TagStatus;
  tagPrefixList?: string[];
  tagPatternList?: string[];
  /** The class of images the rule looks at; ECR's default is "standard". */
  storageClass?: StorageClass;
  countType: CountType;
  /** Only "days", and only with the since* count types. */
  countUnit?: "days";
  countNumber: number;
}

export interface LifecycleAction {
  type: LifecycleActionType;
  /** Required with "transition"; "archive" is the only class a rule can move images to. */
  targetStorageClass?: "archive";
}

export interface LifecycleRule {
  rulePriority: number;
  description?: string;
  selection: LifecycleSelection;
  action: LifecycleAction;
}

export interface LifecyclePolicy {
  rules: LifecycleRule[];
}

/** A timestamp as the SDK returns it (Date) or as JSON carries it (ISO 8601 string). */
export type Timestamp = Date | string;

/** One image of a repository, named as DescribeImages names it. */
export interface ImageInfo {
  imageDigest: string;
  /** Empty for an untagged image. */
  imageTags: string[];
  imagePushedAt: Timestamp;
  lastRecordedPullTime?: Timestamp;
  /** When the image last moved to the archive class. */
  lastArchivedAt?: Timestamp;
  /** When the image was last restored from archive to standard. */
  lastActivatedAt?: Timestamp;
  /** The storage class; when absent it is read from imageStatus, else "standard". */
  storageClass?: StorageClass;
  /** DescribeImages' status: ACTIVE (standard), ARCHIVED (archive), ACTIVATING (being restored). */
  imageStatus?: "ACTIVE" | "ARCHIVED" | "ACTIVATING";
  /** Digests of the manifest lists (image indexes) that reference this image. */
  referencedBy?: string[];
}

/** An image a rule acts on, and why the rule picked it. */
export interface ActedImage {
  imageDigest: string;
  imageTags: string[];
  /** e.g. "pushed 20 days ago, more than 14" or "4th newest of 5, the rule keeps 3". */
  reason: string;
}

export interface RuleOutcome {
  rulePriority: number;
  description?: string;
  action: LifecycleActionType;
  storageClass: StorageClass;
  /** Every image the rule's filter identifies (its pool), newest first. */
  identified: string[];
  /** The pool images its count criterion marks, claimed by higher rules or not. */
  marked: string[];
  /** What the rule finally does: marked images no higher rule identified, and no manifest list holds. */
  images: ActedImage[];
}

export type KeptReason =
  /** No rule's filter identifies the image. */
  | { kind: "unmatched" }
  /**
   * The highest-priority rule that identifies the image does not mark it; lower rules that would
   * have marked it (shadowedBy) may not act on an image a higher rule identified.
   */
  | { kind: "kept-by-rule"; rulePriority: number; shadowedBy: number[] }
  /** Marked by rulePriority, but manifest lists that reference it stay. */
  | { kind: "referenced-by-manifest-list"; rulePriority: number; manifestLists: string[] }
  /** Being restored from archive (imageStatus ACTIVATING): in neither storage class yet. */
  | { kind: "restoring" };

export interface KeptImage {
  imageDigest: string;
  imageTags: string[];
  reason: KeptReason;
  /** The reason in words, for people. */
  message: string;
}

export interface LifecycleOutcome {
  /** One entry per rule, in ascending rulePriority. */
  rules: RuleOutcome[];
  kept: KeptImage[];
  expiredDigests: string[];
  transitionedDigests: string[];
}

/** Where a problem is in the raw policy JSON, e.g. ["rules", 2, "selection", "tagPrefixList"]. */
export type LifecyclePath = (string | number)[];

export interface LifecycleProblem {
  path: LifecyclePath;
  message: string;
  /** What to write instead, as JSON or a short instruction. */
  fix?: string;
}
