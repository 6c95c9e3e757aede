import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "@actions/core";
import { afterEach, describe, expect, test } from "vitest";
import * as auth from "./auth.js";
import * as client from "./index.js";

const packageDir = realpathSync(join(dirname(fileURLToPath(import.meta.url)), ".."));
const coreLib = dirname(createRequire(import.meta.url).resolve("@actions/core"));

describe("standing in for @actions/http-client under @actions/core", () => {
  test("@actions/core resolves @actions/http-client to this package (npm deduped it to the root's)", () => {
    const resolved = createRequire(join(coreLib, "core.js")).resolve("@actions/http-client/package.json");
    expect(dirname(realpathSync(resolved))).toBe(packageDir);
  });

  test("every name @actions/core imports from @actions/http-client is exported here", () => {
    const modules: Record<string, object> = { "@actions/http-client": client, "@actions/http-client/lib/auth": auth };
    const imports = readdirSync(coreLib)
      .filter((file) => file.endsWith(".js"))
      .flatMap((file) => [
        ...readFileSync(join(coreLib, file), "utf8").matchAll(
          /import\s*\{([^}]*)\}\s*from\s*'(@actions\/http-client[^']*)'/g,
        ),
      ]);
    expect(imports.map((match) => match[2]).sort()).toEqual(["@actions/http-client", "@actions/http-client/lib/auth"]);
    for (const [, names = "", from = ""] of imports) {
      for (const name of names.split(",").map((part) => part.trim().split(/\s+as\s+/)[0] ?? "")) {
        expect(modules[from], `${name} from ${from}`).toHaveProperty(name);
      }
    }
  });
});

describe("undici left out (no-undici/)", () => {
  test("the real client is the only package that depends on undici", () => {
    const lock = JSON.parse(readFileSync(join(packageDir, "../../package-lock.json"), "utf8")) as {
      packages: Record<string, { dependencies?: object; optionalDependencies?: object; peerDependencies?: object }>;
    };
    const dependents = Object.entries(lock.packages)
      .filter(
        ([path, meta]) =>
          path !== "" &&
          [meta.dependencies, meta.optionalDependencies, meta.peerDependencies].some(
            (deps) => deps && "undici" in deps,
          ),
      )
      .map(([path]) => path);
    expect(dependents).toEqual(["node_modules/actions-http-client"]);
  });

  test("the stand-in offers none of the methods that reach undici's ProxyAgent", () => {
    expect(client.HttpClient.prototype).not.toHaveProperty("getAgentDispatcher");
    expect(client.HttpClient.prototype).not.toHaveProperty("getAgent");
  });
});

describe("core.getIDToken through the stand-in", () => {
  const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };
  afterEach(() => {
    for (const [name, value] of [
      ["ACTIONS_ID_TOKEN_REQUEST_URL", saved.url],
      ["ACTIONS_ID_TOKEN_REQUEST_TOKEN", saved.token],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test("requests the token with the runner's bearer token and the audience, and returns it", async () => {
    const seen: IncomingMessage[] = [];
    const server = createServer((request, response) => {
      seen.push(request);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ value: "id-token-from-the-runner" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${port}/token?api-version=2.0`;
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = "request-token";

      await expect(core.getIDToken("sts.amazonaws.com")).resolves.toBe("id-token-from-the-runner");

      expect(seen).toHaveLength(1);
      expect(seen[0]?.url).toBe("/token?api-version=2.0&audience=sts.amazonaws.com");
      expect(seen[0]?.headers.authorization).toBe("Bearer request-token");
      expect(seen[0]?.headers["user-agent"]).toMatch(/^actions\/oidc-client/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("HttpClient", () => {
  test("keeps the arguments it was made with and gives them to the real client", async () => {
    const handler = new auth.BearerCredentialHandler("secret");
    const lazy = new client.HttpClient("agent/1", [handler], { allowRetries: false });
    expect(lazy).toMatchObject({ userAgent: "agent/1", handlers: [handler], requestOptions: { allowRetries: false } });
    const server = createServer((request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ agent: request.headers["user-agent"], auth: request.headers.authorization }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await lazy.getJson<{ agent: string; auth: string }>(`http://127.0.0.1:${port}/`);
      expect(response.statusCode).toBe(200);
      expect(response.result?.auth).toBe("Bearer secret");
      expect(response.result?.agent).toMatch(/^agent\/1/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
