// The ready lifecycle policies of policies/lifecycle/, imported as JSON so that the bundle carries
// them, and how the lifecycle-policy input names one. Apart from lifecycle-policy-source.ts (which
// loads and checks a policy) so that reading the inputs does not load the lifecycle evaluator.
import expireUntaggedAfter14Days from "../../../policies/lifecycle/expire-untagged-after-14-days.json" with {
  type: "json",
};
import keep10PerEnvironment from "../../../policies/lifecycle/keep-10-per-environment.json" with { type: "json" };
import keepLast30Releases from "../../../policies/lifecycle/keep-last-30-releases.json" with { type: "json" };
import standard from "../../../policies/lifecycle/standard.json" with { type: "json" };

/** `preset:NAME` -> the policy of policies/lifecycle/NAME.json (a test keeps the two in step). */
export const LIFECYCLE_PRESETS: Readonly<Record<string, unknown>> = {
  "expire-untagged-after-14-days": expireUntaggedAfter14Days,
  "keep-10-per-environment": keep10PerEnvironment,
  "keep-last-30-releases": keepLast30Releases,
  standard,
};

export const PRESET_PREFIX = "preset:";

export type LifecyclePolicySource = { kind: "preset"; name: string } | { kind: "file"; path: string };
