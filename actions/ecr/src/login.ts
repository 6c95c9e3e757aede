import {
  createEcrPublicClient,
  type EcrClients,
  getPublicRegistryCredentials,
  getRegistryCredentials,
  type RegistryCredentials,
} from "@shipshape/aws";
import * as core from "@actions/core";
import type { Inputs } from "./context.js";
import { dockerLogin } from "./docker.js";
import { savePostState } from "./state.js";

/**
 * Gets a token for each registry, masks it before anything prints, and logs docker in to each.
 * Every successful login is saved for the post step at once, so a later failure still logs out.
 */
export async function logIn(inputs: Inputs, clients: EcrClients | undefined): Promise<RegistryCredentials[]> {
  const credentials =
    inputs.registryType === "public"
      ? [await getPublicRegistryCredentials(createEcrPublicClient(inputs.httpProxy ? { proxy: inputs.httpProxy } : {}))]
      : await getRegistryCredentials(requireClients(clients).ecr, inputs.registries);
  for (const login of credentials) {
    if (inputs.maskPassword) {
      core.setSecret(login.password);
      core.setSecret(login.token);
    }
  }
  if (!inputs.maskPassword) core.warning("mask-password is false: the registry password is not masked in the logs");

  const loggedIn: string[] = [];
  for (const login of credentials) {
    await dockerLogin(login.registry, login.username, login.password);
    loggedIn.push(login.registry);
    savePostState({ registries: loggedIn, logout: inputs.logout });
    core.info(`Logged in to ${login.registry}`);
  }
  return credentials;
}

export function requireClients(clients: EcrClients | undefined): EcrClients {
  if (!clients) throw new Error("this step needs a private registry (registry-type: private)");
  return clients;
}
