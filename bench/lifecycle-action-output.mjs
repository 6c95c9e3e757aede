// What the ecr action prints for a lifecycle preview, without AWS: the describe-images file read as
// the action reads DescribeImages (an ImageInfo per image), the policy evaluated, then the log
// (logLines, @actions/core's info a megabyte at a time, as runLifecyclePolicy does) and the job
// summary's markdown (summaryMarkdown), both to stdout.
// Needs the built lib/ of actions/ecr (`turbo run build --filter=@shipshape/action-ecr...`).
//   node bench/lifecycle-action-output.mjs POLICY.json IMAGES.json NOW
import { readFileSync } from "node:fs";
import { evaluateLifecyclePolicy, lifecycleOutcomeLines, readImageDetailsJson, readLifecyclePolicy } from "@shipshape/core";
import { logLines } from "../actions/ecr/lib/log-lines.js";
import { summaryMarkdown } from "../actions/ecr/lib/summary.js";

const [policyFile, imagesFile, now] = process.argv.slice(2);
const { policy, problems } = readLifecyclePolicy(JSON.parse(readFileSync(policyFile, "utf8")));
if (!policy) throw new Error(problems.map((problem) => problem.message).join("; "));
const { images } = readImageDetailsJson(readFileSync(imagesFile));
const outcome = evaluateLifecyclePolicy(policy, images, new Date(now));
logLines(lifecycleOutcomeLines(outcome));
const plan = { images, outcome, protectedImages: [], conflicts: [] };
process.stdout.write(summaryMarkdown({ tags: [], lifecycle: { mode: "preview", plan, applied: false } }));
