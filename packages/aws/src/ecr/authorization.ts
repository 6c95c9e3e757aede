import { GetAuthorizationTokenCommand, type ECRClient } from "@aws-sdk/client-ecr";
import {
  GetAuthorizationTokenCommand as GetPublicAuthorizationTokenCommand,
  type ECRPUBLICClient,
} from "@aws-sdk/client-ecr-public";
import { ECR_PUBLIC_REGISTRY } from "./clients.js";

/** What `docker login` needs for one registry. */
export interface RegistryCredentials {
  /** The login server: 123456789012.dkr.ecr.us-east-1.amazonaws.com, or public.ecr.aws. */
  registry: string;
  /** The account id of a private registry. */
  registryId?: string;
  username: string;
  password: string;
  /** The base64 `username:password` token ECR handed out; as secret as the password. */
  token: string;
  expiresAt?: Date;
}

/** Splits an ECR authorization token (base64 of `AWS:<password>`) into its user and password. */
export function decodeAuthorizationToken(token: string): { username: string; password: string } {
  const decoded = Buffer.from(token, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  // Never echo the token or its decoding: both are credentials.
  if (colon <= 0) throw new Error("the ECR authorization token is not base64 of user:password");
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Credentials for private registries: the caller's own registry when registryIds is empty, else
 * one per account id (cross-account registries), in the order asked.
 */
export async function getRegistryCredentials(
  client: ECRClient,
  registryIds: string[] = [],
): Promise<RegistryCredentials[]> {
  const response = await client.send(new GetAuthorizationTokenCommand(registryIds.length > 0 ? { registryIds } : {}));
  const credentials = (response.authorizationData ?? []).map((data): RegistryCredentials => {
    if (!data.authorizationToken || !data.proxyEndpoint) {
      throw new Error("GetAuthorizationToken returned an entry without a token or proxy endpoint");
    }
    const registry = data.proxyEndpoint.replace(/^https?:\/\//, "").replace(/\/+$/, "");
    const registryId = /^(\d{12})\./.exec(registry)?.[1];
    return {
      registry,
      ...(registryId ? { registryId } : {}),
      ...decodeAuthorizationToken(data.authorizationToken),
      token: data.authorizationToken,
      ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
    };
  });
  const missing = registryIds.filter((id) => !credentials.some((entry) => entry.registryId === id));
  if (missing.length > 0) throw new Error(`GetAuthorizationToken returned no token for registry ${missing.join(", ")}`);
  if (credentials.length === 0) throw new Error("GetAuthorizationToken returned no authorization data");
  const rank = (entry: RegistryCredentials) => registryIds.indexOf(entry.registryId ?? "");
  return registryIds.length > 0 ? credentials.sort((a, b) => rank(a) - rank(b)) : credentials;
}

/** Credentials for ECR Public (public.ecr.aws); the client must be in us-east-1. */
export async function getPublicRegistryCredentials(client: ECRPUBLICClient): Promise<RegistryCredentials> {
  const response = await client.send(new GetPublicAuthorizationTokenCommand({}));
  const data = response.authorizationData;
  if (!data?.authorizationToken) throw new Error("ECR Public GetAuthorizationToken returned no token");
  return {
    registry: ECR_PUBLIC_REGISTRY,
    ...decodeAuthorizationToken(data.authorizationToken),
    token: data.authorizationToken,
    ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
  };
}
