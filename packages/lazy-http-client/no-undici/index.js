// @actions/http-client imports ProxyAgent from undici for one method, getAgentDispatcher, which
// the stand-in in ../src never offers, and its requests go through node's http and https modules.
// So undici (a quarter of a bundle) stays out of the actions' bundles: the root package.json
// resolves `undici` here, and a test checks that the real client is its only dependent.
export class ProxyAgent {
  constructor() {
    throw new Error("undici is not installed here: @shipshape/lazy-http-client serves requests without it");
  }
}
