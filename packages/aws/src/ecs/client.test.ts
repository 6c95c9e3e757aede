import {
  AccessDeniedException,
  ECSServiceException,
  ServerException,
  ServiceNotFoundException,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { isAmbiguousFailure, isTransientError } from "./client.js";

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const unmodeled = (name: string, status: number) =>
  new ECSServiceException({ name, $fault: status >= 500 ? "server" : "client", message: name, ...metadata(status) });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code });

describe("isTransientError", () => {
  it.each<[string, unknown]>([
    ["ThrottlingException", unmodeled("ThrottlingException", 400)],
    ["TooManyRequestsException", unmodeled("TooManyRequestsException", 429)],
    ["ServerException", new ServerException({ message: "Service unavailable", ...metadata(500) })],
    ["a 503 of any name", unmodeled("SomethingUnexpected", 503)],
    ["ECONNRESET", socketError("ECONNRESET")],
    ["ETIMEDOUT", socketError("ETIMEDOUT")],
    ["EAI_AGAIN", socketError("EAI_AGAIN")],
    ["a request timeout", Object.assign(new Error("Connection timed out after 5000 ms"), { name: "TimeoutError" })],
    ["an error the SDK marked retryable", Object.assign(new Error("x"), { $retryable: {} })],
  ])("retries %s", (_name, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ["AccessDeniedException", new AccessDeniedException({ message: "not authorized", ...metadata(400) })],
    ["ServiceNotFoundException", new ServiceNotFoundException({ message: "Service not found.", ...metadata(400) })],
    ["a plain Error", new Error('cluster "prod" was not found')],
    ["a string", "ECONNRESET"],
    [
      "an aborted call (the step's deadline or cancellation)",
      Object.assign(new Error("Request aborted"), { name: "AbortError" }),
    ],
  ])("does not retry %s", (_name, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});

describe("isAmbiguousFailure", () => {
  it.each<[string, unknown, boolean]>([
    ["a 500: the call may have been carried out", new ServerException({ message: "x", ...metadata(500) }), true],
    ["a request timeout", Object.assign(new Error("request timed out"), { name: "TimeoutError" }), true],
    ["a reset connection", socketError("ECONNRESET"), true],
    ["throttling: refused before anything happened", unmodeled("ThrottlingException", 400), false],
    ["access denied", new AccessDeniedException({ message: "not authorized", ...metadata(400) }), false],
    ["an aborted call", Object.assign(new Error("Request aborted"), { name: "AbortError" }), false],
  ])("%s", (_name, error, ambiguous) => {
    expect(isAmbiguousFailure(error)).toBe(ambiguous);
  });
});
