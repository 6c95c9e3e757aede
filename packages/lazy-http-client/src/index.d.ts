import type { HttpClient as RealHttpClient } from "actions-http-client";
import type { RequestHandler, RequestOptions } from "actions-http-client/lib/interfaces";

/** The real client's promise-returning methods; the synchronous ones would need it loaded. */
type RequestMethod =
  | "options"
  | "get"
  | "del"
  | "post"
  | "patch"
  | "put"
  | "head"
  | "sendStream"
  | "getJson"
  | "postJson"
  | "putJson"
  | "patchJson"
  | "request"
  | "requestRaw";

export interface HttpClient extends Pick<RealHttpClient, RequestMethod> {}
export declare class HttpClient {
  userAgent: string | undefined;
  handlers: RequestHandler[];
  requestOptions: RequestOptions | undefined;
  constructor(userAgent?: string, handlers?: RequestHandler[], requestOptions?: RequestOptions);
}
