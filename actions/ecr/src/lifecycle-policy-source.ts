// Where a lifecycle policy comes from: a JSON file, or `preset:NAME` for the ready policies of
// policies/lifecycle/ (lifecycle-presets.ts).
import { readFileSync } from "node:fs";
import { formatLifecyclePath, type LifecyclePolicy, readLifecyclePolicy } from "@shipshape/core";
import { LIFECYCLE_PRESETS, type LifecyclePolicySource } from "./lifecycle-presets.js";

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
