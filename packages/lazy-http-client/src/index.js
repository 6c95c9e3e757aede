// @actions/core imports HttpClient at its top level for one function, getIDToken, and the real
// client imports undici at its top level: evaluating undici was most of an action's start-up.
// This class takes the real one's place (the root package.json makes @actions/http-client resolve
// here) and loads it, undici and all, on the first request. The import is "eager" so that ncc
// keeps the real client inside the action's one-file bundle (see scripts/bundle-action.mjs).
// Only promise-returning request methods are offered: getAgentDispatcher, the one use the real
// client makes of undici, is not, so undici itself is left out (../no-undici).
const loadRealClient = () => import(/* webpackMode: "eager" */ "actions-http-client");

export class HttpClient {
  /** @type {Promise<import("actions-http-client").HttpClient> | undefined} */
  #client;

  /**
   * @param {string} [userAgent]
   * @param {import("actions-http-client/lib/interfaces").RequestHandler[]} [handlers]
   * @param {import("actions-http-client/lib/interfaces").RequestOptions} [requestOptions]
   */
  constructor(userAgent, handlers, requestOptions) {
    this.userAgent = userAgent;
    this.handlers = handlers ?? [];
    this.requestOptions = requestOptions;
  }

  /** The real client, made with this one's arguments on the first request. */
  #real() {
    this.#client ??= loadRealClient().then(
      ({ HttpClient: Real }) => new Real(this.userAgent, this.handlers, this.requestOptions),
    );
    return this.#client;
  }

  async options(...args) {
    return (await this.#real()).options(...args);
  }
  async get(...args) {
    return (await this.#real()).get(...args);
  }
  async del(...args) {
    return (await this.#real()).del(...args);
  }
  async post(...args) {
    return (await this.#real()).post(...args);
  }
  async patch(...args) {
    return (await this.#real()).patch(...args);
  }
  async put(...args) {
    return (await this.#real()).put(...args);
  }
  async head(...args) {
    return (await this.#real()).head(...args);
  }
  async sendStream(...args) {
    return (await this.#real()).sendStream(...args);
  }
  async getJson(...args) {
    return (await this.#real()).getJson(...args);
  }
  async postJson(...args) {
    return (await this.#real()).postJson(...args);
  }
  async putJson(...args) {
    return (await this.#real()).putJson(...args);
  }
  async patchJson(...args) {
    return (await this.#real()).patchJson(...args);
  }
  async request(...args) {
    return (await this.#real()).request(...args);
  }
  async requestRaw(...args) {
    return (await this.#real()).requestRaw(...args);
  }
}
