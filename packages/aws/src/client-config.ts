import { Agent } from "node:https";
import { NodeHttpHandler } from "@smithy/node-http-handler";

export interface AwsClientOptions {
  region: string;
  /** Another endpoint (a VPC endpoint, moto in tests); AWS_ENDPOINT_URL(_ECR/_ECS) work too, as the SDK reads them. */
  endpoint?: string;
  /** Per-request timeout; no call waits forever. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  /** An HTTP(S) proxy for the SDK's calls (amazon-ecr-login's http-proxy); needs Node 24.5 or later. */
  proxy?: string;
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
      ...(options.proxy ? { httpsAgent: proxyAgent(options.proxy), httpAgent: proxyAgent(options.proxy) } : {}),
    }),
  };
}

/**
 * An agent that sends every request through `proxy`, with Node's own proxy support (the `proxyEnv`
 * agent option, Node 24.5+: https://nodejs.org/api/http.html#built-in-proxy-support); NO_PROXY holds.
 */
function proxyAgent(proxy: string): Agent {
  const proxyEnv = {
    HTTPS_PROXY: proxy,
    HTTP_PROXY: proxy,
    ...(process.env.NO_PROXY ? { NO_PROXY: process.env.NO_PROXY } : {}),
  };
  return new Agent({ keepAlive: true, proxyEnv } as ConstructorParameters<typeof Agent>[0]);
}
