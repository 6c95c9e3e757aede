// "@shipshape/core/terraform": the Terraform (.tf) loader, an entry of its own so that a bundle
// which imports it lazily keeps it out of every run that lints no .tf file.
import { loadTerraform } from "./loaders/terraform/load-terraform.js";
import type { TerraformSupport } from "./loaders/terraform/support.js";
import type { TerraformParser } from "./loaders/terraform/syntax.js";

export { loadTerraform, TERRAFORM_DESCRIPTION, type TerraformLoadOptions } from "./loaders/terraform/load-terraform.js";
export type { SyntaxNode, TerraformParser } from "./loaders/terraform/syntax.js";

/** The Terraform loader over an initialised parser (web-tree-sitter's Parser with tree-sitter-hcl). */
export function terraformSupport(parser: TerraformParser): TerraformSupport {
  return { load: (sources, readFile) => loadTerraform(sources, { parser, readFile }) };
}
