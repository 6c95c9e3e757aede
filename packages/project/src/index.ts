/**
 * A project as the linter sees it: its config file, the files to lint (directories walked with
 * .gitignore, globs expanded, ignore globs applied), one lint run over them, and the exit policy.
 * Used by the CLI and the policy-lint action alike.
 */
export { type LoadedConfig, loadConfig } from "./config.js";
export { collectFiles, UsageError } from "./files.js";
export {
  exitCode,
  type FailOn,
  type LintRun,
  lintFiles,
  nothingChecked,
  type ProjectSelection,
  selectProjectFiles,
} from "./lint-run.js";
export { terraformOptions, withLocalModules } from "./terraform.js";
