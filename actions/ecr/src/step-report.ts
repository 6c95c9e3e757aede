// What the main step did so far: the outputs and the job summary are written from it, even when
// a later part fails.
import type { LifecyclePlan } from "@shipshape/aws";

export interface RepositoryReport {
  uri: string;
  created: boolean;
  /** Settings that differ from the inputs, in words. */
  drift: string[];
  updated: string[];
}

export interface TagReport {
  tag: string;
  imageUri: string;
  digest: string;
  /** "pushed", "retagged from sha-1234", "already tagged". */
  how: string;
}

export interface LifecycleReport {
  mode: "preview" | "apply";
  plan: LifecyclePlan;
  applied: boolean;
}

export interface StepReport {
  /** What the step is doing now, for the message when it is cancelled: "pushing app:build". */
  phase?: string;
  repository?: RepositoryReport;
  /** The tags asked for, set before the first push or retag: the summary names those not done. */
  tagsAsked?: string[];
  tags: TagReport[];
  /** Why the step stopped before the end (a cancel), for the summary. */
  stopped?: string;
  lifecycle?: LifecycleReport;
}
