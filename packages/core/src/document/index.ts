export * from "./node.js";
export * from "./position.js";
export { parseJson, SyntaxProblem } from "./parse-json.js";
export { parseYaml, parseYamlDocuments } from "./parse-yaml.js";
export type { ReaderLimits, ReaderProblem } from "./limits.js";
export { DEFAULT_READER_LIMITS } from "./limits.js";
export { parseEmbeddedJson, type EmbeddedJson } from "./embedded.js";
export { includedFileOf, markIncluded, type IncludedFile } from "./included.js";
