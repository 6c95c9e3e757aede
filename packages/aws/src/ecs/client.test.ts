import {
  AccessDeniedException,
  ECSServiceException,
  ServerException,
  ServiceNotFoundException,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { isTransientError } from "./client.js";

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
  ])("does not retry %s", (_name, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
