// The ECS client with the shared settings, and which of its errors are worth another try.
import { ECSClient } from "@aws-sdk/client-ecs";
import { isServerError, isThrottlingError, isTransientError as isSdkTransientError } from "@smithy/core/retry";
import type { SdkError } from "@smithy/types";
import { nameFailedCalls } from "../call-names.js";
import { type AwsClientOptions, clientConfig } from "../client-config.js";

/** An ECS client with adaptive retries and a timeout on every call; AWS_ENDPOINT_URL_ECS is honoured. */
export function createEcsClient(options: AwsClientOptions): ECSClient {
  return nameFailedCalls(new ECSClient(clientConfig(options)));
}

/**
 * True for throttling, server-side (5xx), timeout and network errors, as the SDK's own retry
 * strategy classifies them: a poll that failed this way is tried again later. Anything else (access
 * denied, a missing service, an aborted call) is an answer, not a hiccup.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdkError = error as SdkError;
  return (
    Boolean(sdkError.$retryable) ||
    isThrottlingError(sdkError) ||
    isSdkTransientError(sdkError) ||
    isServerError(sdkError)
  );
}

/**
 * True when a failed call may still have been carried out: the server failed (5xx), or no answer
 * came (timeout, reset). A non-idempotent call that failed so is looked for before it is made again.
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (!(error instanceof Error) || error.name === "AbortError") return false;
  const sdkError = error as SdkError;
  if (isThrottlingError(sdkError)) return false;
  // No $fault: not an answer of the service at all (a socket error, a timeout).
  return isServerError(sdkError) || isSdkTransientError(sdkError) || sdkError.$fault === undefined;
}
