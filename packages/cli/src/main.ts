import { writeFileSync } from "node:fs";
import { explainCommand, rulesCommand } from "./commands/rules.js";
import { lifecycleCommand } from "./commands/lifecycle.js";
import { lintCommand } from "./commands/lint.js";
import { planCommand } from "./commands/plan.js";
import { UsageError } from "@shipshape/project";
import type { Io } from "./io.js";
import { toolVersion } from "@shipshape/report";

const usage = `Usage: shipshape <command> [options]

Commands:
  lint [paths...]            check task definitions, services, templates and ECR policies
  rules                      list the rule catalogue
  explain RULE               what a rule checks, why, and how to fix it
  plan --desired N           the phases of a rolling deployment at --min / --max percent
  lifecycle preview          what an ECR lifecycle policy would expire in a repository

Run \`shipshape <command> --help\` for a command's options.`;

type Command = (args: string[], io: Io) => number | Promise<number>;

const commands: Record<string, Command> = {
  lint: lintCommand,
  rules: rulesCommand,
  explain: explainCommand,
  plan: planCommand,
  lifecycle: lifecycleCommand,
};

/** Runs one command line; returns the exit code. Errors for people, stack traces only with --debug. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name ? io.stdout : io.stderr).write(`${usage}\n`);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${toolVersion}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`shipshape: unknown command "${name}"\n\n${usage}\n`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`shipshape ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    io.stderr.write(`shipshape ${name}: ${args.includes("--debug") || process.env.ACTIONS_STEP_DEBUG === "true" ? (error as Error).stack : (error as Error).message}\n`);
    return 2;
  }
}

/** node:util parseArgs rejects unknown options with a TypeError coded ERR_PARSE_ARGS_*. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    writeFile: (path, text) => writeFileSync(path, text),
  };
}
