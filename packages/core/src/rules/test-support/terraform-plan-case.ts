import { json } from "./rule-tester.js";

/**
 * A minimal `terraform show -json` plan holding one managed resource with these values, pretty
 * printed so line numbers are easy to count: the resource's first value key is on line 12, at
 * column 13 (the values object opens on line 11).
 */
export function terraformPlanCase(type: string, values: Record<string, unknown>, name = "web"): string {
  return json({
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: [{ address: `${type}.${name}`, mode: "managed", type, name, values }],
      },
    },
  });
}
