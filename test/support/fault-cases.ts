// What the fault tests of every bundle share: the faults a step rides out, the faults it must fail
// on (naming the call), and the environment of a step whose AWS calls go through the fault proxy.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Fault, type FaultKind, type FaultProxy, startFaultProxy } from "./fault-proxy.js";
import { type Moto, startMoto } from "./services.js";

export const region = "us-east-1";
/** moto takes any credentials; the SDK needs some to sign. */
export const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

/** Faults that the SDK's retries (3 tries) and a 1 s request timeout get through. */
export const PASSING_FAULTS: [FaultKind, Fault][] = [
  ["throttle", { kind: "throttle", times: 2 }],
  ["server-error", { kind: "server-error", times: 2 }],
  ["reset", { kind: "reset", times: 2 }],
  ["delay", { kind: "delay", times: 1, delayMs: 700 }],
];

/** Faults that end the step, with what its error must say. */
export const FAILING_FAULTS: [FaultKind, RegExp][] = [
  ["access-denied", /AccessDeniedException|not authorized/],
  ["expired-token", /expired/i],
  ["hang", /timed? ?out/i],
];

/** The step's AWS settings: every call through the proxy, tried 3 times, each for at most 1 s. */
export function throughProxy(endpoint: string): Record<string, string> {
  return {
    AWS_REGION: region,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_MAX_ATTEMPTS: "3",
    SHIPSHAPE_AWS_REQUEST_TIMEOUT_MS: "1000",
  };
}

export interface FaultyAws {
  /** moto itself, for the test's own checks (no faults on this way in). */
  moto: Moto;
  /** The fault proxy in front of moto, the endpoint the step under test calls. */
  proxy: FaultProxy;
}

/**
 * Registers moto with the fault proxy in front of it for the calling test file: started before all
 * tests (with `env` set first, for moto's own switches), faults cleared before each test, both
 * stopped after all. Its fields are there once the file's first beforeAll has run.
 */
export function motoBehindFaultProxy(env: Record<string, string> = {}): FaultyAws {
  const aws = {} as FaultyAws;
  beforeAll(async () => {
    Object.assign(process.env, env);
    aws.moto = await startMoto();
    aws.proxy = await startFaultProxy(aws.moto.endpoint);
  }, 120_000);
  beforeEach(() => aws.proxy?.reset());
  afterAll(async () => {
    await aws.proxy?.stop();
    await aws.moto?.stop();
  });
  return aws;
}
