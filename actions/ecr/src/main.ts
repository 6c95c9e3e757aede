// The main step: read the inputs, run the steps (steps.ts), and write the job summary of what
// they got to, even when one failed. The steps and the summary, and with them the AWS SDK and the
// lifecycle evaluator, are evaluated only once the inputs are read, so bad inputs fail at once
// (webpackMode "eager": one bundle file, its modules run on import()).
import * as core from "@actions/core";
import { messageOf, runnerInputs } from "@shipshape/action-kit";
import { parseInputs } from "./context.js";
import type { StepReport } from "./step-report.js";

export async function main(signal?: AbortSignal): Promise<void> {
  const report: StepReport = { tags: [] };
  try {
    const inputs = parseInputs(runnerInputs, process.env);
    const { runSteps } = await import(/* webpackMode: "eager" */ "./steps.js");
    await runSteps(inputs, report, signal);
  } catch (error) {
    if (!signal?.aborted) throw error;
    report.stopped = cancelledMessage(messageOf(signal.reason), report);
    throw new Error(report.stopped);
  } finally {
    if (report.repository || report.tagsAsked || report.tags.length > 0 || report.lifecycle || report.stopped)
      await writeSummary(report);
  }
}

/** What was in progress when the step was cancelled, and which tags were and were not pushed. */
export function cancelledMessage(reason: string, report: StepReport): string {
  const done = report.tags.map((tag) => tag.tag);
  const notDone = (report.tagsAsked ?? []).filter((tag) => !done.includes(tag));
  const tags = [`tags done: ${done.join(", ") || "none"}`];
  if (notDone.length > 0) tags.push(`not done: ${notDone.join(", ")}`);
  return `${reason} while ${report.phase ?? "starting"} (${tags.join("; ")})`;
}

async function writeSummary(report: StepReport): Promise<void> {
  try {
    const { summaryMarkdown } = await import(/* webpackMode: "eager" */ "./summary.js");
    await core.summary.addRaw(summaryMarkdown(report)).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${messageOf(error)}`);
  }
}
