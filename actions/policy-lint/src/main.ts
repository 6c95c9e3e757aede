// The policy-lint step: read the inputs, pick the files, lint them with @shipshape/core, and
// report as the CLI would (annotations, SARIF, the job summary), failing per fail-on.
import { lintSources } from "@shipshape/core";
import * as runner from "@shipshape/runner";
import { readInputs } from "./context.js";
import { readSources, selectFiles } from "./files.js";
import { failure, publish } from "./report.js";

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const selection = await selectFiles(inputs);
    if (selection.onlyChanged?.linted === "all") runner.notice(`only-changed: ${selection.onlyChanged.reason}`);
    const { sources, unreadable } = readSources(selection.files, inputs.workspace);
    const report = lintSources(sources, { config: selection.config });
    publish(report, inputs, selection);
    for (const problem of unreadable) runner.error(problem);
    const reason = failure(report, unreadable, inputs.failOn);
    if (reason) runner.setFailed(reason);
  } catch (error) {
    runner.setFailed(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.stack) runner.debug(error.stack);
  }
}
