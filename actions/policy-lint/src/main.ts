// The policy-lint step: read the inputs, pick the files, lint them with @shipshape/core, and
// report as the CLI would (annotations, SARIF, the job summary), failing per fail-on.
import * as core from "@actions/core";
import { lintSources } from "@shipshape/core";
import { readInputs } from "./context.js";
import { readSources, selectFiles } from "./files.js";
import { failure, publish } from "./report.js";

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const selection = await selectFiles(inputs);
    if (selection.onlyChanged?.linted === "all") core.notice(`only-changed: ${selection.onlyChanged.reason}`);
    const { sources, unreadable } = readSources(selection.files, inputs.workspace);
    const report = lintSources(sources, { config: selection.config });
    await publish(report, inputs, selection);
    for (const problem of unreadable) core.error(problem);
    const reason = failure(report, unreadable, inputs.failOn);
    if (reason) core.setFailed(reason);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.stack) core.debug(error.stack);
  }
}
