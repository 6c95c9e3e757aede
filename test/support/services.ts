// Real services for end-to-end tests (DESIGN.md, "Real services in tests"). Each start function
// throws an Error naming what is missing when a binary is absent; stop() kills the process and
// removes what it created, and the same cleanup runs if the test process exits first.
export { type DockerEngine, startDockerEngine } from "./docker-engine.js";
export {
  type EcrLikeRegistry,
  type EcrLikeRegistryOptions,
  getManifest,
  listTags,
  type RegistryAddress,
  type RegistryManifest,
  type RegistryResponse,
  registryGet,
  startEcrLikeRegistry,
} from "./ecr-registry.js";
export { type Moto, startMoto } from "./moto.js";
export { type AnswerRewriter, type AnswerRewrites, startAnswerRewriter } from "./answer-rewriter.js";
