// The main step's work, in order: log in, make sure the repository exists, push or retag, then
// preview or apply the lifecycle policy. Each part is a module of its own; this one only runs
// them. main.ts loads it (and with it the AWS SDK) once the inputs are read.
import { createEcrClients, type RegistryCredentials } from "@shipshape/aws";
import * as core from "@actions/core";
import type { Inputs } from "./context.js";
import { runLifecyclePolicy } from "./lifecycle.js";
import { loadLifecyclePolicy } from "./lifecycle-policy-source.js";
import { logIn, requireClients } from "./login.js";
import { pushTags, resolveRepository, retagInEcr } from "./publish.js";
import type { StepReport } from "./step-report.js";

export async function runSteps(inputs: Inputs, report: StepReport, signal?: AbortSignal): Promise<void> {
  // Every input file is read and checked before the first side effect (login, push, put).
  const lifecyclePolicy = inputs.lifecyclePolicy ? loadLifecyclePolicy(inputs.lifecyclePolicy) : undefined;
  const options = {
    region: inputs.region,
    ...(inputs.httpProxy ? { proxy: inputs.httpProxy } : {}),
    ...(signal ? { signal } : {}),
  };
  const clients = inputs.registryType === "private" ? createEcrClients(options) : undefined;
  report.phase = "logging in";
  const credentials = inputs.login ? await logIn(inputs, clients) : [];
  const home = credentials[0];
  const registryId = inputs.registries[0];

  let repositoryUri = inputs.repository && home ? `${home.registry}/${inputs.repository}` : "";
  if (inputs.createRepository || inputs.sourceTag || inputs.lifecyclePolicy) {
    report.phase = `reading repository ${inputs.repository}`;
    report.repository = await resolveRepository(inputs, requireClients(clients), registryId);
    repositoryUri = report.repository.uri;
  }
  // As amazon-ecr-login: no single registry to name when several were logged in to (and no repository chosen one).
  const several = credentials.length > 1 && !repositoryUri;
  core.setOutput("registry", several ? "" : (home?.registry ?? repositoryUri.split("/")[0] ?? ""));
  setCredentialOutputs(inputs, home);
  if (inputs.credentialsPerRegistry) setPerRegistryOutputs(credentials);

  report.phase = `pushing ${inputs.image || inputs.sourceTag} to ${repositoryUri}`;
  if (inputs.image || inputs.sourceTag) report.tagsAsked = inputs.tags;
  if (inputs.image) await pushTags(inputs.image, repositoryUri, inputs.tags, report, signal);
  if (inputs.sourceTag)
    report.tags.push(...(await retagInEcr(inputs, requireClients(clients), registryId, repositoryUri)));
  const first = report.tags[0];
  if (repositoryUri) core.setOutput("image-uri", first?.imageUri ?? repositoryUri);
  if (first) core.setOutput("digest", first.digest);

  if (lifecyclePolicy) {
    report.phase = `${inputs.lifecycleMode === "apply" ? "applying" : "previewing"} the lifecycle policy of ${inputs.repository}`;
    await runLifecyclePolicy(
      inputs,
      lifecyclePolicy,
      requireClients(clients),
      { registryId, uri: repositoryUri },
      report,
    );
  }
}

/** amazon-ecr-login's output names: docker_username_<registry> with every other character run as _. */
export function perRegistryOutputName(kind: "username" | "password", registry: string): string {
  return `docker_${kind}_${registry.replace(/[^a-zA-Z0-9_]+/g, "_")}`;
}

function setPerRegistryOutputs(credentials: readonly RegistryCredentials[]): void {
  for (const login of credentials) {
    core.setOutput(perRegistryOutputName("username", login.registry), login.username);
    core.setOutput(perRegistryOutputName("password", login.registry), login.password);
  }
}

/** docker-username and docker-password, only when output-credentials asks for them. */
function setCredentialOutputs(inputs: Inputs, home: RegistryCredentials | undefined): void {
  if (!inputs.outputCredentials || !home) return;
  core.setOutput("docker-username", home.username);
  core.setOutput("docker-password", home.password);
}
