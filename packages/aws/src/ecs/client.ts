// The ECS client with the shared settings, and which of its errors are worth another try.
import { ECSClient } from "@aws-sdk/client-ecs";
import { nameFailedCalls } from "../call-names.js";
import { type AwsClientOptions, clientConfig } from "../client-config.js";

/** An ECS client with adaptive retries and a timeout on every call; AWS_ENDPOINT_URL_ECS is honoured. */
export function createEcsClient(options: AwsClientOptions): ECSClient {
  return nameFailedCalls(new ECSClient(clientConfig(options)));
}

/** AWS error names that mean "slow down" or "try again later", never "you asked for something wrong". */
const TRANSIENT_ERROR_NAMES = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "ServerException",
  "InternalFailure",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "RequestTimeout",
  "RequestTimeoutException",
  "TimeoutError",
]);

/** Socket errors of Node's HTTP stack: the network, not the request. */
const NETWORK_ERROR_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
]);

/**
 * True for throttling, server-side (5xx) and network errors: a poll that failed this way is tried
 * again later. Anything else (access denied, a missing service) is an answer, not a hiccup.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const details = error as Error & {
    code?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  if (TRANSIENT_ERROR_NAMES.has(error.name) || details.$retryable) return true;
  if (details.code && NETWORK_ERROR_CODES.has(details.code)) return true;
  const status = details.$metadata?.httpStatusCode;
  if (status !== undefined && (status === 429 || status >= 500)) return true;
  return /socket hang up|network|timed? ?out/i.test(error.message) && !details.$metadata?.httpStatusCode;
}
