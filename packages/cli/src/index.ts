export { run, processIo } from "./main.js";
export type { Io } from "./io.js";
export { formatters, isFormatName, annotation, countBySeverity, type FormatName, type FormatContext, type Formatter } from "./formatters/index.js";
export { collectFiles, UsageError } from "./files.js";
export { loadConfig, type LoadedConfig } from "./config.js";
export { exitCode } from "./commands/lint.js";
export { toolVersion } from "./version.js";
export { renderPlan } from "./commands/plan.js";
