// An image registry that docker knows by an ECR hostname: Debian's docker-registry (distribution 2.8)
// on 127.0.0.1:443, named <account>.dkr.ecr.<region>.amazonaws.com through /etc/hosts, with a
// self-signed certificate that docker trusts via /etc/docker/certs.d, and htpasswd user AWS whose
// password is moto's ECR token password.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request } from "node:https";
import { join } from "node:path";
import {
  assertPortFree,
  makeTempDir,
  registerCleanup,
  requireExecutable,
  requireRoot,
  startProcess,
  waitUntilReady,
} from "./processes.js";
import { acquireMachineLock } from "./machine-lock.js";

const HOSTS_FILE = "/etc/hosts";
/** Long enough for another copy's ECR tests to finish on a loaded machine. */
export const REGISTRY_LOCK_TIMEOUT_MS = 540_000;
const DOCKER_CERTS_DIR = "/etc/docker/certs.d";

export interface EcrLikeRegistryOptions {
  account?: string;
  region?: string;
  /** Defaults to moto's ECR token password, "<account>-auth-token". */
  password?: string;
}

export interface EcrLikeRegistry {
  /** <account>.dkr.ecr.<region>.amazonaws.com, also the docker login server. */
  host: string;
  /** https://<host>, like ECR's proxyEndpoint. */
  url: string;
  /** The self-signed certificate, for clients other than docker. */
  caFile: string;
  username: "AWS";
  password: string;
  stop(): Promise<void>;
}

export async function startEcrLikeRegistry(options: EcrLikeRegistryOptions = {}): Promise<EcrLikeRegistry> {
  const account = options.account ?? "123456789012";
  const region = options.region ?? "us-east-1";
  const password = options.password ?? `${account}-auth-token`;
  const host = `${account}.dkr.ecr.${region}.amazonaws.com`;

  const registryBinary = requireExecutable("docker-registry", "Debian package docker-registry");
  const htpasswd = requireExecutable("htpasswd", "Debian package apache2-utils");
  const openssl = requireExecutable("openssl", "Debian package openssl");
  requireRoot(`listen on port 443 and edit ${HOSTS_FILE} and ${DOCKER_CERTS_DIR}`);
  // Another copy of the suite may hold port 443 and the hosts line: wait for our turn.
  const deadline = Date.now() + REGISTRY_LOCK_TIMEOUT_MS;
  const lock = await acquireMachineLock("ecr-registry", REGISTRY_LOCK_TIMEOUT_MS);
  // A copy without the lock (an older checkout) may still hold the port: wait for it too. Checked
  // first: with another registry on 443 our readiness probe would be answered by it.
  for (;;) {
    try {
      await assertPortFree(443, "is a test registry of another project running? Only one can run at a time");
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        lock.release();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  const workDir = makeTempDir("registry");
  const certFile = join(workDir, "cert.pem");
  const keyFile = join(workDir, "key.pem");
  const htpasswdFile = join(workDir, "htpasswd");
  const configFile = join(workDir, "config.yml");
  const dockerTrustDir = join(DOCKER_CERTS_DIR, host);
  const hostsLine = `127.0.0.1 ${host} # shipshape test registry`;

  let registry: ReturnType<typeof startProcess> | undefined;
  const cleanup = registerCleanup(() => {
    registry?.killNow();
    removeHostsLine(hostsLine);
    rmSync(dockerTrustDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
    lock.release();
  });

  try {
    const ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"];
    const subject = ["-subj", `/CN=${host}`, "-addext", `subjectAltName=DNS:${host}`];
    const files = ["-keyout", keyFile, "-out", certFile];
    runOrThrow(openssl, ["req", "-x509", "-nodes", "-days", "2", ...ecKey, ...subject, ...files]);
    // -i: the password goes through stdin, not argv.
    writeFileSync(htpasswdFile, runOrThrow(htpasswd, ["-n", "-B", "-i", "AWS"], password));
    writeFileSync(
      configFile,
      registryConfig({ storageDir: join(workDir, "storage"), certFile, keyFile, htpasswdFile }),
    );

    mkdirSync(dockerTrustDir, { recursive: true });
    writeFileSync(join(dockerTrustDir, "ca.crt"), readFileSync(certFile));
    addHostsLine(hostsLine);

    registry = startProcess("docker-registry", registryBinary, ["serve", configFile]);
    const probe: RegistryAddress = { host, caFile: certFile, username: "AWS", password };
    await waitUntilReady(registry, async () => (await registryGet(probe, "/v2/")).status > 0, 30_000);
  } catch (error) {
    cleanup.run();
    throw error;
  }

  const running = registry;
  return {
    host,
    url: `https://${host}`,
    caFile: certFile,
    username: "AWS",
    password,
    async stop() {
      await running.stop();
      cleanup.run();
    },
  };
}

function registryConfig(paths: { storageDir: string; certFile: string; keyFile: string; htpasswdFile: string }) {
  const config = {
    version: 0.1,
    log: { level: "info", accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: paths.storageDir }, delete: { enabled: true } },
    http: {
      addr: "127.0.0.1:443",
      secret: randomBytes(16).toString("hex"),
      tls: { certificate: paths.certFile, key: paths.keyFile },
    },
    auth: { htpasswd: { realm: "shipshape-test", path: paths.htpasswdFile } },
  };
  // JSON is YAML, and spares us quoting rules for paths.
  return JSON.stringify(config, null, 2);
}

function runOrThrow(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { input, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args[0]} failed (exit ${result.status}): ${result.stderr || result.error?.message}`);
  }
  return result.stdout;
}

function addHostsLine(line: string): void {
  const lines = readFileSync(HOSTS_FILE, "utf8").split("\n");
  if (lines.includes(line)) return;
  const text = lines.join("\n");
  writeFileSync(HOSTS_FILE, `${text}${text.endsWith("\n") ? "" : "\n"}${line}\n`);
}

function removeHostsLine(line: string): void {
  const text = readFileSync(HOSTS_FILE, "utf8");
  const kept = text.split("\n").filter((existing) => existing !== line);
  if (kept.length !== text.split("\n").length) writeFileSync(HOSTS_FILE, kept.join("\n"));
}

// ---- reading the registry back ---------------------------------------------------------------

/** What it takes to talk to a registry: an EcrLikeRegistry fits. */
export interface RegistryAddress {
  host: string;
  caFile: string;
  username: string;
  password: string;
}

export interface RegistryResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const MANIFEST_TYPES = [
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json",
].join(", ");

/** GET <path> from the registry over HTTPS with basic auth, trusting only its own certificate. */
export function registryGet(registry: RegistryAddress, path: string, accept?: string): Promise<RegistryResponse> {
  const credentials = Buffer.from(`${registry.username}:${registry.password}`).toString("base64");
  return new Promise((resolve, reject) => {
    const req = request(
      {
        // Connect to loopback directly but verify the certificate against the ECR hostname.
        host: "127.0.0.1",
        port: 443,
        servername: registry.host,
        path,
        ca: readFileSync(registry.caFile),
        headers: { host: registry.host, authorization: `Basic ${credentials}`, ...(accept ? { accept } : {}) },
        timeout: 5_000,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error(`registry request ${path} timed out`)));
    req.end();
  });
}

export async function listTags(registry: RegistryAddress, repository: string): Promise<string[]> {
  const response = await registryGet(registry, `/v2/${repository}/tags/list`);
  if (response.status !== 200) throw new Error(`tags/list of ${repository}: HTTP ${response.status} ${response.body}`);
  return (JSON.parse(response.body) as { tags: string[] | null }).tags ?? [];
}

export interface RegistryManifest {
  digest: string;
  mediaType: string;
  manifest: Record<string, unknown>;
}

export async function getManifest(
  registry: RegistryAddress,
  repository: string,
  reference: string,
): Promise<RegistryManifest> {
  const response = await registryGet(registry, `/v2/${repository}/manifests/${reference}`, MANIFEST_TYPES);
  if (response.status !== 200) {
    throw new Error(`manifest ${repository}:${reference}: HTTP ${response.status} ${response.body}`);
  }
  return {
    digest: String(response.headers["docker-content-digest"]),
    mediaType: String(response.headers["content-type"]),
    manifest: JSON.parse(response.body) as Record<string, unknown>,
  };
}
