import type { Rule, Severity } from "../rules/define.js";

export type RuleSetting = Severity | "off";

/** `.shipshape.yaml`: see policies/shipshape.schema.json. */
export interface ShipshapeConfig {
  /** recommended (default) or strict */
  preset?: string;
  rules?: Record<string, RuleSetting>;
  /** Paths (globs, relative to the config file) never linted. */
  ignore?: string[];
}

export interface Preset {
  name: string;
  description: string;
  extends?: string;
  rules: Record<string, RuleSetting>;
}

export const DEFAULT_PRESET = "recommended";

/** The severity of every rule that is on, for a config over a set of presets. */
export function resolveSeverities(
  config: ShipshapeConfig,
  rules: readonly Rule[],
  presets: ReadonlyMap<string, Preset>,
): Map<string, Severity> {
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) settings.set(rule.id, rule.recommended ? rule.severity : "off");
  for (const preset of presetChain(config.preset ?? DEFAULT_PRESET, presets))
    for (const [id, setting] of Object.entries(preset.rules)) settings.set(id, setting);
  for (const [id, setting] of Object.entries(config.rules ?? {})) settings.set(id, setting);
  const severities = new Map<string, Severity>();
  for (const [id, setting] of settings) if (setting !== "off") severities.set(id, setting);
  return severities;
}

/** The preset and those it extends, base first. */
function presetChain(name: string, presets: ReadonlyMap<string, Preset>): Preset[] {
  const chain: Preset[] = [];
  for (let current: string | undefined = name; current !== undefined; ) {
    const preset = presets.get(current);
    if (!preset) throw new Error(`unknown preset "${current}": use one of ${[...presets.keys()].join(", ")}`);
    if (chain.includes(preset)) throw new Error(`preset "${current}" extends itself`);
    chain.unshift(preset);
    current = preset.extends;
  }
  return chain;
}
