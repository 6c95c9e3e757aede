// The policy-lint step: read the inputs, then lint and report (lint-step.ts), failing per fail-on.
// The lint engine (every rule, the readers, the formatters) is evaluated only once the inputs are
// read, so bad inputs fail at once (webpackMode "eager": one bundle file, its modules run on import()).
import { runnerInputs } from "@shipshape/action-kit";
import { parseInputs } from "./context.js";

export async function main(): Promise<void> {
  const inputs = parseInputs(runnerInputs, process.env);
  const { lintStep } = await import(/* webpackMode: "eager" */ "./lint-step.js");
  await lintStep(inputs);
}
