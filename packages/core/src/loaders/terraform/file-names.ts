const terraformExtension = /\.tf(\.json)?$/i;
const jsonSyntaxExtension = /\.tf\.json$/i;

/** A Terraform configuration file: native syntax (.tf) or JSON syntax (.tf.json). */
export function isTerraformFileName(file: string): boolean {
  return terraformExtension.test(file);
}

export function isTerraformJsonFileName(file: string): boolean {
  return jsonSyntaxExtension.test(file);
}
