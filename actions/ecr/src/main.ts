// The main step: read the inputs, run the steps (steps.ts), and write the job summary of what
// they got to, even when one failed. The steps and the summary, and with them the AWS SDK and the
// lifecycle evaluator, load only once the inputs are read, so bad inputs fail at once.
import * as runner from "@shipshape/runner";
import { readInputs } from "./context.js";
import { markMainStepRan } from "./state.js";
import type { StepReport } from "./summary.js";

export async function main(): Promise<void> {
  const report: StepReport = { tags: [] };
  try {
    markMainStepRan();
    const inputs = readInputs();
    const { runSteps } = await import("./steps.js");
    await runSteps(inputs, report);
  } catch (error) {
    runner.setFailed(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.stack) runner.debug(error.stack);
  }
  if (report.repository || report.tags.length > 0 || report.lifecycle) {
    try {
      const { writeSummary } = await import("./summary.js");
      writeSummary(report);
    } catch (error) {
      runner.warning(`could not write the job summary: ${String(error)}`);
    }
  }
}
