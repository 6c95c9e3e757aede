export type { FileReader } from "./evaluate.js";
export { isTerraformFileName } from "./file-names.js";
export type { TerraformSupport } from "./support.js";
export type { SyntaxNode, TerraformParser } from "./syntax.js";
