import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  evaluateImageColumns,
  findRule,
  lifecycleEvaluationLines,
  lintSources,
  loadDocument,
  readImageColumnsJson,
  readLifecyclePolicy,
  toPlain,
  type LifecycleEvaluation,
} from "@shipshape/core";
import { UsageError } from "@shipshape/project";
import type { Io } from "../io.js";

export const lifecycleUsage = `Usage: shipshape lifecycle preview --policy FILE --images FILE [--now ISO-TIME] [--format text|json]

Shows what an ECR lifecycle policy would expire (or archive) in a repository, following ECR's
documented evaluation rules, without touching the repository.
  --policy   a lifecycle policy JSON file (or get-lifecycle-policy output)
  --images   \`aws ecr describe-images\` output, or a JSON array of its imageDetails
  --now      the evaluation time (default: now)`;

export function lifecycleCommand(args: string[], io: Io): number {
  const [subcommand, ...rest] = args;
  if (subcommand === "--help" || subcommand === "-h") {
    io.stdout.write(`${lifecycleUsage}\n`);
    return 0;
  }
  if (subcommand !== "preview") throw new UsageError(`${subcommand ? `unknown subcommand "${subcommand}"` : "missing subcommand"}\n\n${lifecycleUsage}`);
  const { values } = parseArgs({
    args: rest,
    options: { policy: { type: "string" }, images: { type: "string" }, now: { type: "string" }, format: { type: "string", short: "f" } },
  });
  if (!values.policy || !values.images) throw new UsageError(`--policy and --images are required\n\n${lifecycleUsage}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}: use text or json`);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${values.now}: use an ISO time such as 2026-01-31T12:00:00Z`);

  const policy = readPolicy(values.policy, io.cwd);
  // In columns, no object per image: a million images fit in ~1 GB and a few seconds.
  const images = readImages(values.images, io.cwd);
  const evaluation = evaluateImageColumns(policy, images, now);
  writeLines(io, format === "json" ? outcomeJsonLines(evaluation) : outcomeTextLines(evaluation));
  return 0;
}

function readText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

/** The policy, refused with every problem located (file:line:column) when PutLifecyclePolicy would refuse it. */
function readPolicy(file: string, cwd: string) {
  const text = readText(file, cwd);
  const loaded = loadDocument(file.endsWith(".json") ? file : `${file}.json`, text);
  const validRule = findRule("lifecycle-policy-valid")!;
  const { findings } = lintSources([{ file, text }], { rules: [validRule], config: { rules: {} } });
  if (findings.length) throw new UsageError(`${file} is not a valid lifecycle policy:\n${findings.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.message}`).join("\n")}`);
  const resource = loaded.status === "loaded" ? loaded.document.resources.find((r) => r.kind === "lifecycle-policy") : undefined;
  if (resource?.kind !== "lifecycle-policy") throw new UsageError(`${file}: not an ECR lifecycle policy (expected {"rules": [...]})`);
  const { policy, problems } = readLifecyclePolicy(toPlain(resource.policy));
  if (!policy) throw new UsageError(`${file} is not a valid lifecycle policy: ${problems.map((p) => p.message).join("; ")}`);
  return policy;
}

function readImages(file: string, cwd: string) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(cwd, file));
  } catch (error) {
    throw new UsageError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const { columns, problems, syntaxError } = readImageColumnsJson(bytes);
  if (syntaxError !== undefined) throw new UsageError(`${file}: not JSON (${syntaxError})`);
  if (problems.length) throw new UsageError(`${file}: ${problems.join("; ")}`);
  return columns;
}

/** Lines a million images long leave in chunks: no one string (nor argument list) holds them all. */
const CHARACTERS_PER_WRITE = 1 << 20;

function writeLines(io: Io, lines: Iterable<string>): void {
  let chunk = "";
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= CHARACTERS_PER_WRITE) {
      io.stdout.write(chunk);
      chunk = "";
    }
  }
  if (chunk.length > 0) io.stdout.write(chunk);
}

/**
 * The JSON answer, `JSON.stringify(answer, null, 2)` to the byte, written as it goes: the
 * expired and transitioned lists one entry at a time.
 */
function* outcomeJsonLines(evaluation: LifecycleEvaluation): Generator<string, void, undefined> {
  yield "{";
  yield* actedJsonLines(evaluation, "expire", "expired");
  yield* actedJsonLines(evaluation, "transition", "transitioned");
  yield `  "kept": ${evaluation.kept.length},`;
  const rules = evaluation.rules.map(({ rule: { rulePriority, description, action }, pool, acted }) => ({
    rulePriority,
    ...(description ? { description } : {}),
    action: action.type,
    matched: pool.length,
    acted: acted.length,
  }));
  yield `  "rules": ${indent(JSON.stringify(rules, null, 2))}`;
  yield "}";
}

function* actedJsonLines(evaluation: LifecycleEvaluation, type: "expire" | "transition", key: string): Generator<string, void, undefined> {
  const { digests, tagStart, tagValues } = evaluation.columns;
  let previous: string | undefined;
  for (const { rule, acted } of evaluation.rules) {
    if (rule.action.type !== type) continue;
    const rulePriority = JSON.stringify(rule.rulePriority);
    for (const index of acted) {
      yield previous === undefined ? `  ${JSON.stringify(key)}: [` : `${previous},`;
      const start = tagStart[index] as number;
      const end = tagStart[index + 1] as number;
      let tags = "[]";
      if (end > start) {
        tags = `[\n        ${JSON.stringify(tagValues[start])}`;
        for (let at = start + 1; at < end; at++) tags += `,\n        ${JSON.stringify(tagValues[at])}`;
        tags += "\n      ]";
      }
      previous = `    {\n      "imageDigest": ${JSON.stringify(digests[index])},\n      "imageTags": ${tags},\n      "rulePriority": ${rulePriority}\n    }`;
    }
  }
  if (previous === undefined) {
    yield `  ${JSON.stringify(key)}: [],`;
    return;
  }
  yield previous;
  yield "  ],";
}

const indent = (text: string) => text.replaceAll("\n", "\n  ");

function* outcomeTextLines(evaluation: LifecycleEvaluation): Generator<string, void, undefined> {
  yield " rule  action      matched  acted  description";
  for (const { rule, pool, acted } of evaluation.rules)
    yield `${String(rule.rulePriority).padStart(5)}  ${rule.action.type.padEnd(10)}  ${String(pool.length).padStart(7)}  ${String(acted.length).padStart(5)}  ${rule.description ?? ""}`;
  yield "";
  yield* lifecycleEvaluationLines(evaluation);
  yield "";
  const { expiredCount, transitionedCount, kept, columns } = evaluation;
  yield `${columns.count} images: ${expiredCount} would expire, ${transitionedCount} would move to archive, ${kept.length} kept.`;
}
