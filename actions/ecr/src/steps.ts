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
  const clients =
    inputs.registryType === "private"
      ? createEcrClients({ region: inputs.region, ...(signal ? { signal } : {}) })
      : undefined;
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
  core.setOutput("registry", home?.registry ?? repositoryUri.split("/")[0] ?? "");
  setCredentialOutputs(inputs, home);

  report.phase = `pushing ${inputs.image || inputs.sourceTag} to ${repositoryUri}`;
  if (inputs.image) report.tags.push(...(await pushTags(inputs.image, repositoryUri, inputs.tags)));
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

/** docker-username and docker-password, only when output-credentials asks for them. */
function setCredentialOutputs(inputs: Inputs, home: RegistryCredentials | undefined): void {
  if (!inputs.outputCredentials || !home) return;
  core.setOutput("docker-username", home.username);
  core.setOutput("docker-password", home.password);
}
