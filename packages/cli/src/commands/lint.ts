import { parseArgs } from "node:util";
import { allRules, builtInPresets, type Severity } from "@shipshape/core";
import { exitCode, lintFiles, nothingChecked, selectProjectFiles, UsageError } from "@shipshape/project";
import { formatters, isFormatName, toolVersion } from "@shipshape/report";
import type { Io } from "../io.js";

export const lintUsage = `Usage: shipshape lint [paths or globs...] [options]

Lints ECS task definitions and services, ECR lifecycle policies and repository settings,
CloudFormation templates, Terraform (.tf) and Terraform plans. Directories are walked (.gitignore respected).

Options:
  -f, --format <name>      stylish (default), json, sarif, github, markdown
  -c, --config <file>      config file (default: .shipshape.yaml in the working directory)
  -p, --preset <name>      ${[...builtInPresets.keys()].join(" | ")} (overrides the config's preset)
      --fail-on <level>    error (default), warning, info or never
      --max-warnings <n>   also fail when there are more than n warnings
  -o, --output <file>      write the report to a file instead of standard output
      --quiet              report errors only
      --allow-empty        exit 0 when no file is checked (a glob that matches nothing, an empty directory)
      --debug              stack traces for unexpected failures

Exit codes: 0 clean, 1 findings at the failing severity, 2 usage error, unreadable input, or no file
checked (without --allow-empty).`;

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f" },
      config: { type: "string", short: "c" },
      preset: { type: "string", short: "p" },
      "fail-on": { type: "string" },
      "max-warnings": { type: "string" },
      output: { type: "string", short: "o" },
      quiet: { type: "boolean" },
      "allow-empty": { type: "boolean" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(`${lintUsage}\n`);
    return 0;
  }
  const format = values.format ?? "stylish";
  if (!isFormatName(format)) throw new UsageError(`--format ${format}: use one of ${Object.keys(formatters).join(", ")}`);
  const failOn = parseFailOn(values["fail-on"]);
  const maxWarnings = values["max-warnings"] === undefined ? undefined : parseCount(values["max-warnings"]);
  if (values.preset !== undefined && !builtInPresets.has(values.preset))
    throw new UsageError(`--preset ${values.preset}: use one of ${[...builtInPresets.keys()].join(", ")}`);

  const { files, config } = await selectProjectFiles({ patterns: positionals, cwd: io.cwd, configPath: values.config, preset: values.preset });
  const { report, unreadable } = await lintFiles(files, io.cwd, config);
  if (values.quiet) report.findings = report.findings.filter((finding) => finding.severity === "error");

  const output = formatters[format](report, { rules: allRules, color: format === "stylish" && io.color, toolVersion });
  if (values.output) io.writeFile(values.output, output);
  else io.stdout.write(output);
  for (const problem of unreadable) io.stderr.write(`${problem}\n`);
  const empty = unreadable.length === 0 ? nothingChecked(report) : undefined;
  if (empty && !values["allow-empty"]) {
    io.stderr.write(`shipshape lint: ${empty}; pass --allow-empty if that is expected\n`);
    return 2;
  }
  return exitCode(report, unreadable.length > 0, failOn, maxWarnings);
}

function parseFailOn(value: string | undefined): Severity | "never" {
  if (value === undefined) return "error";
  if (value === "error" || value === "warning" || value === "info" || value === "never") return value;
  throw new UsageError(`--fail-on ${value}: use error, warning, info or never`);
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings ${value}: use a whole number`);
  return Number(value);
}
