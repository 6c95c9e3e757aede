// Where a lifecycle policy comes from: a JSON file, or `preset:NAME` for the ready policies of
// policies/lifecycle/, imported as JSON so that the bundle carries them.
import { readFileSync } from "node:fs";
import { formatLifecyclePath, type LifecyclePolicy, readLifecyclePolicy } from "@shipshape/core";
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

/** The policy from its file or preset, checked as PutLifecyclePolicy would check it. */
export function loadLifecyclePolicy(source: LifecyclePolicySource): LifecyclePolicy {
  const where = source.kind === "preset" ? `preset:${source.name}` : source.path;
  let raw: unknown;
  if (source.kind === "preset") {
    raw = LIFECYCLE_PRESETS[source.name];
  } else {
    let text: string;
    try {
      text = readFileSync(source.path, "utf8");
    } catch (error) {
      throw new Error(
        `lifecycle-policy: cannot read ${source.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new Error(`lifecycle-policy: ${source.path} is not JSON: ${(error as Error).message}`);
    }
  }
  const { policy, problems } = readLifecyclePolicy(raw);
  if (!policy) {
    const lines = problems.map(
      (problem) =>
        `${formatLifecyclePath(problem.path) || "(policy)"}: ${problem.message}${problem.fix ? ` (fix: ${problem.fix})` : ""}`,
    );
    throw new Error(`lifecycle-policy ${where} is not valid:\n- ${lines.join("\n- ")}`);
  }
  return policy;
}
