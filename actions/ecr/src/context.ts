import { InputParser, type InputReader, inWorkspace, workspaceOf } from "@shipshape/action-kit";
import type { EncryptionType, TagMutability } from "@shipshape/aws";
import { LIFECYCLE_PRESETS, type LifecyclePolicySource, PRESET_PREFIX } from "./lifecycle-presets.js";

/** Everything the step was asked to do, parsed and checked for conflicts. */
export interface Inputs {
  region: string;
  registryType: "private" | "public";
  /** Account ids of private registries; empty means the caller's own. The repository is in the first. */
  registries: string[];
  login: boolean;
  repository: string;
  createRepository: boolean;
  updateRepository: boolean;
  scanOnPush: boolean;
  tagMutability: TagMutability;
  tagMutabilityExclusions: string[];
  encryption: EncryptionType;
  kmsKey: string;
  repositoryTags: Record<string, string>;
  /** A local image to push under each of `tags`. */
  image: string;
  tags: string[];
  /** A tag in ECR to give `tags` to, without pulling. */
  sourceTag: string;
  lifecyclePolicy: LifecyclePolicySource | undefined;
  lifecycleMode: "preview" | "apply";
  protectClusters: string[];
  maskPassword: boolean;
  outputCredentials: boolean;
  /**
   * amazon-ecr-login's docker_username_<registry> / docker_password_<registry> outputs, one pair
   * per registry: with output-credentials, or when mask-password is false (its way to pass them on).
   */
  credentialsPerRegistry: boolean;
  logout: boolean;
  /** A proxy for the AWS calls (http-proxy, else HTTP_PROXY). */
  httpProxy: string;
}

const MUTABILITIES: TagMutability[] = ["MUTABLE", "IMMUTABLE", "MUTABLE_WITH_EXCLUSION", "IMMUTABLE_WITH_EXCLUSION"];
const ENCRYPTIONS: EncryptionType[] = ["AES256", "KMS", "KMS_DSSE"];
const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Parses and cross-checks the inputs; throws one Error listing every problem. */
export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const parse = new InputParser(read);
  const { problems } = parse;

  const inputs: Inputs = {
    region: parse.string("region") || env.AWS_REGION || env.AWS_DEFAULT_REGION || "",
    registryType: parse.oneOf("registry-type", ["private", "public"] as const, "private"),
    registries: parse.list("registries"),
    login: parse.boolean("login", true),
    repository: parse.string("repository"),
    createRepository: parse.boolean("create-repository", false),
    updateRepository: parse.boolean("update-repository", false),
    scanOnPush: parse.boolean("scan-on-push", true),
    tagMutability: parse.oneOf("tag-mutability", MUTABILITIES, "MUTABLE"),
    tagMutabilityExclusions: parse.list("tag-mutability-exclusions"),
    encryption: parse.oneOf("encryption", ENCRYPTIONS, "AES256"),
    kmsKey: parse.string("kms-key"),
    repositoryTags: parseRepositoryTags(parse.lines("repository-tags"), problems),
    image: parse.string("image"),
    tags: parse.lines("tags"),
    sourceTag: parse.string("source-tag"),
    lifecyclePolicy: parseLifecyclePolicySource(parse.string("lifecycle-policy"), workspaceOf(env), problems),
    lifecycleMode: parse.oneOf("lifecycle-mode", ["preview", "apply"] as const, "preview"),
    protectClusters: parse.list("protect-clusters"),
    maskPassword: parse.boolean("mask-password", true),
    outputCredentials: parse.boolean("output-credentials", false),
    credentialsPerRegistry: false,
    // skip-logout is amazon-ecr-login's inverse of logout.
    logout: parse.boolean("logout", true) && !parse.boolean("skip-logout", false),
    httpProxy: parse.string("http-proxy") || env.HTTP_PROXY || env.http_proxy || "",
  };
  inputs.credentialsPerRegistry = inputs.outputCredentials || !inputs.maskPassword;
  checkConflicts(inputs, problems);
  parse.finish();
  return inputs;
}

function parseRepositoryTags(entries: string[], problems: string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf("=");
    if (equals <= 0) problems.push(`repository-tags: write each tag as Key=Value, found "${entry}"`);
    else tags[entry.slice(0, equals).trim()] = entry.slice(equals + 1).trim();
  }
  return tags;
}

function parseLifecyclePolicySource(
  value: string,
  workspace: string,
  problems: string[],
): LifecyclePolicySource | undefined {
  if (value === "") return undefined;
  if (value.startsWith(PRESET_PREFIX)) {
    const name = value.slice(PRESET_PREFIX.length);
    if (!(name in LIFECYCLE_PRESETS)) {
      problems.push(
        `lifecycle-policy: no preset "${name}"; the presets are ${Object.keys(LIFECYCLE_PRESETS).join(", ")}`,
      );
    }
    return { kind: "preset", name };
  }
  try {
    return { kind: "file", path: inWorkspace(value, workspace).path };
  } catch (error) {
    problems.push(`lifecycle-policy: ${(error as Error).message}`);
    return undefined;
  }
}

function checkConflicts(inputs: Inputs, problems: string[]): void {
  const need = (condition: boolean, message: string) => {
    if (!condition) problems.push(message);
  };
  const registryAccountIds = inputs.registries.filter((id) => !/^\d{12}$/.test(id));
  need(
    registryAccountIds.length === 0,
    `registries are 12-digit account ids, found "${registryAccountIds.join('", "')}"`,
  );
  need(
    !(inputs.image && inputs.sourceTag),
    "image and source-tag exclude each other: push a local image, or retag one in ECR",
  );
  need(
    !(inputs.image || inputs.sourceTag) || inputs.tags.length > 0,
    `${inputs.image ? "image" : "source-tag"} needs tags: the tags to push or add, one per line`,
  );
  need(
    inputs.tags.length === 0 || Boolean(inputs.image || inputs.sourceTag),
    "tags needs image (to push) or source-tag (to retag in ECR)",
  );
  const badTags = [...inputs.tags, ...(inputs.sourceTag ? [inputs.sourceTag] : [])].filter(
    (tag) => !DOCKER_TAG.test(tag),
  );
  need(badTags.length === 0, `not a valid image tag: "${badTags.join('", "')}" (letters, digits, _ . -; at most 128)`);
  const usesRepository = inputs.image || inputs.sourceTag || inputs.lifecyclePolicy || inputs.createRepository;
  need(
    !usesRepository || inputs.repository !== "",
    "repository is required with image, source-tag, lifecycle-policy or create-repository",
  );
  need(!inputs.image || inputs.login, "image needs login: true (docker push needs the registry login)");
  need(
    inputs.protectClusters.length === 0 || inputs.lifecyclePolicy !== undefined,
    "protect-clusters only applies with lifecycle-policy",
  );
  const withExclusion = inputs.tagMutability.endsWith("_WITH_EXCLUSION");
  need(
    !withExclusion || inputs.tagMutabilityExclusions.length > 0,
    `tag-mutability ${inputs.tagMutability} needs tag-mutability-exclusions (wildcard filters)`,
  );
  need(
    withExclusion || inputs.tagMutabilityExclusions.length === 0,
    "tag-mutability-exclusions needs tag-mutability MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION",
  );
  need(!inputs.kmsKey || inputs.encryption !== "AES256", "kms-key needs encryption KMS or KMS_DSSE");
  need(!inputs.outputCredentials || inputs.login, "output-credentials needs login: true");
  if (inputs.registryType === "public") {
    need(
      inputs.registries.length === 0,
      "registries does not apply to registry-type public (public.ecr.aws is one registry)",
    );
    need(
      !inputs.createRepository,
      "create-repository works with private registries only; create ECR Public repositories in the console or with the ecr-public API",
    );
    need(!inputs.sourceTag, "source-tag works with private registries only");
    need(
      !inputs.lifecyclePolicy,
      "lifecycle-policy works with private registries only: ECR Public has no lifecycle policies",
    );
  } else {
    need(
      inputs.region !== "",
      "region is not set: give the region input, or set AWS_REGION (aws-actions/configure-aws-credentials does)",
    );
  }
}
