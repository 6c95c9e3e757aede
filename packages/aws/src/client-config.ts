// The settings every AWS client shares: adaptive retries, and timeouts that throw on connect, on
// an idle socket and on the whole request (the node handler only warns about a late request
// unless told to throw: @smithy/types NodeHttpHandlerOptions.throwOnRequestTimeout), and a signal
// that aborts every call of the client at once (the step's cancellation).
import { Agent } from "node:https";
import type { HttpHandlerOptions } from "@smithy/types";
import { NodeHttpHandler, type NodeHttpHandlerOptions } from "@smithy/node-http-handler";

export interface AwsClientOptions {
  region: string;
  /** Another endpoint (a VPC endpoint, moto in tests); AWS_ENDPOINT_URL(_ECR/_ECS) work too, as the SDK reads them. */
  endpoint?: string;
  /** Per-request timeout; no call waits forever. SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS sets it too. */
  requestTimeoutMs?: number;
  /** Attempts per call, the first included; AWS_MAX_ATTEMPTS sets it too, as in the SDK. */
  maxAttempts?: number;
  /** Aborts every call of the client (in flight and to come) when it fires: the step is cancelled. */
  signal?: AbortSignal;
  /** An HTTP(S) proxy for the SDK's calls (amazon-ecr-login's http-proxy); needs Node 24.5 or later. */
  proxy?: string;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_ATTEMPTS = 5;

/** The settings every client shares: adaptive retries (throttling backs off), and timeouts on every call. */
export function clientConfig(options: AwsClientOptions, env: NodeJS.ProcessEnv = process.env) {
  const requestTimeout =
    options.requestTimeoutMs ?? positive(env.SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS) ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    retryMode: "adaptive" as const,
    maxAttempts: options.maxAttempts ?? positive(env.AWS_MAX_ATTEMPTS) ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: new SignalledHttpHandler(
      {
        connectionTimeout: Math.min(CONNECTION_TIMEOUT_MS, requestTimeout),
        requestTimeout,
        throwOnRequestTimeout: true,
        socketTimeout: requestTimeout,
        ...(options.proxy ? { httpsAgent: proxyAgent(options.proxy), httpAgent: proxyAgent(options.proxy) } : {}),
      },
      options.signal,
    ),
  };
}

/** The node handler, with the client's signal joined to each request's own. */
class SignalledHttpHandler extends NodeHttpHandler {
  constructor(
    options: NodeHttpHandlerOptions,
    private readonly clientSignal: AbortSignal | undefined,
  ) {
    super(options);
  }

  override handle(request: Parameters<NodeHttpHandler["handle"]>[0], options: HttpHandlerOptions = {}) {
    const signals = [options.abortSignal as AbortSignal | undefined, this.clientSignal].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    if (signals.length === 0) return super.handle(request, options);
    const abortSignal = signals.length === 1 ? signals[0] : AbortSignal.any(signals);
    return super.handle(request, { ...options, abortSignal: abortSignal as HttpHandlerOptions["abortSignal"] });
  }
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

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : undefined;
}
