export * from "./node.js";
export * from "./position.js";
export * from "./limits.js";
export { printableExcerpt, printableMessage } from "./printable.js";
export { parseJson, SyntaxProblem } from "./parse-json.js";
export { parseYaml } from "./parse-yaml.js";
export { parseEmbeddedJson, type EmbeddedJson } from "./embedded.js";
