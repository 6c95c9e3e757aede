export { DEFAULT_PRESET, resolveSeverities, type Preset, type RuleSetting, type ShipshapeConfig } from "./config.js";
export { parseConfig, type ConfigProblem, type ParsedConfig } from "./parse-config.js";
export { builtInPresets } from "./presets.generated.js";
