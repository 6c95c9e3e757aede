// Everything policy-lint does once its inputs are good: pick the files, lint them as the CLI does
// (one lint run from @shipshape/project), and report (annotations, SARIF, the job summary).
import * as core from "@actions/core";
import { lintFiles } from "@shipshape/project";
import type { Inputs } from "./context.js";
import { selectFiles } from "./files.js";
import { emptyRunFailure, failure, publish } from "./report.js";

export async function lintStep(inputs: Inputs): Promise<void> {
  const selection = await selectFiles(inputs);
  if (selection.onlyChanged?.linted === "all") core.notice(`only-changed: ${selection.onlyChanged.reason}`);
  const { report, unreadable } = await lintFiles(selection.files, inputs.workspace, selection.config);
  await publish(report, inputs, selection);
  for (const problem of unreadable) core.error(problem);
  const reason = failure(report, unreadable, inputs.failOn) ?? emptyRunFailure(report, inputs, selection);
  if (reason) core.setFailed(reason);
}
