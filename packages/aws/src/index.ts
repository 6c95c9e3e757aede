export { clientConfig, DEFAULT_REQUEST_TIMEOUT_MS, type AwsClientOptions } from "./client-config.js";
export * from "./ecr/index.js";
export * from "./ecs/index.js";
export * from "./codedeploy/index.js";
export { createLogsClient, lastLogLines } from "./logs/index.js";
export { isHiddenValuePath, maskUrlCredentials, shortHash } from "./redact.js";
