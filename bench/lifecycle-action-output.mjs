// What the ecr action prints for a lifecycle preview, without AWS: the describe-images file read as
// the SDK hands DescribeImages to the action (pages of 1,000 ImageDetails, times as Dates), each
// page appended to the columns and dropped (addImageDetails, as listImageColumns does), the policy
// evaluated (evaluateImageColumns), then the log (logLines, @actions/core's info a megabyte at a
// time, as runLifecyclePolicy does) and the job summary's markdown (summaryMarkdown), to stdout.
// Reads files of bench/lifecycle-images.mjs' layout: one image detail a line.
// Needs the built lib/ of actions/ecr (`turbo run build --filter=@shipshape/action-ecr...`).
//   node bench/lifecycle-action-output.mjs POLICY.json IMAGES.json NOW
import { readFileSync } from "node:fs";
import { addImageDetails } from "@shipshape/aws";
import {
  evaluateImageColumns,
  ImageColumnsBuilder,
  lifecycleEvaluationLines,
  readLifecyclePolicy,
} from "@shipshape/core";
import { logLines } from "../actions/ecr/lib/log-lines.js";
import { summaryMarkdown } from "../actions/ecr/lib/summary.js";

/** DescribeImages' largest page, the action's page size. */
const PAGE_SIZE = 1000;
const TIMES = ["imagePushedAt", "lastRecordedPullTime", "lastArchivedAt", "lastActivatedAt"];

/** The file's image details, a page at a time, as the SDK deserializes them. */
function* pagesOf(bytes) {
  let page = [];
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const line = bytes.toString("utf8", start, end).trim();
    start = end + 1;
    if (!line.startsWith('{"')) continue;
    const detail = JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line);
    for (const field of TIMES) if (detail[field] !== undefined) detail[field] = new Date(detail[field]);
    page.push(detail);
    if (page.length === PAGE_SIZE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

const [policyFile, imagesFile, now] = process.argv.slice(2);
const { policy, problems } = readLifecyclePolicy(JSON.parse(readFileSync(policyFile, "utf8")));
if (!policy) throw new Error(problems.map((problem) => problem.message).join("; "));
const builder = new ImageColumnsBuilder();
for (const page of pagesOf(readFileSync(imagesFile))) addImageDetails(builder, page);
const evaluation = evaluateImageColumns(policy, builder.build(), new Date(now));
logLines(lifecycleEvaluationLines(evaluation));
const plan = { evaluation, protectedImages: [], conflicts: [] };
process.stdout.write(summaryMarkdown({ tags: [], lifecycle: { mode: "preview", plan, applied: false } }));
