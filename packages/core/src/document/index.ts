export * from "./node.js";
export * from "./position.js";
export { parseJson, SyntaxProblem } from "./parse-json.js";
export { parseYaml } from "./parse-yaml.js";
export { parseEmbeddedJson, type EmbeddedJson } from "./embedded.js";
export { includedFileOf, markIncluded, type IncludedFile } from "./included.js";
