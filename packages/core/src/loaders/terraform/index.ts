export {
  isTerraformFileName,
  loadTerraform,
  TERRAFORM_DESCRIPTION,
  type TerraformLoadOptions,
} from "./load-terraform.js";
export type { FileReader } from "./evaluate.js";
export type { SyntaxNode, TerraformParser } from "./syntax.js";
