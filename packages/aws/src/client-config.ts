import { NodeHttpHandler } from "@smithy/node-http-handler";

export interface AwsClientOptions {
  region: string;
  /** Another endpoint (a VPC endpoint, moto in tests); AWS_ENDPOINT_URL(_ECR/_ECS) work too, as the SDK reads them. */
  endpoint?: string;
  /** Per-request timeout; no call waits forever. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The settings every client shares: adaptive retries (throttling backs off), and timeouts on every call. */
export function clientConfig(options: AwsClientOptions) {
  return {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    retryMode: "adaptive" as const,
    maxAttempts: options.maxAttempts ?? 5,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    }),
  };
}
