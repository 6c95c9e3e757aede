import { entry, type MapNode, type Node } from "../document/node.js";
import { SyntaxProblem } from "../document/parse-json.js";
import { parseYaml } from "../document/parse-yaml.js";
import { LineIndex } from "../document/position.js";
import type { RuleSetting, ShipshapeConfig } from "./config.js";

export interface ConfigProblem {
  message: string;
  line: number;
  column: number;
}

export interface ParsedConfig {
  config: ShipshapeConfig;
  problems: ConfigProblem[];
}

const settings: RuleSetting[] = ["off", "info", "warning", "error"];
const topLevelKeys = ["$schema", "preset", "rules", "ignore"];

/** Reads `.shipshape.yaml` (or JSON), reporting every problem with its line and column. */
export function parseConfig(text: string, knownRuleIds: ReadonlySet<string>, presetNames: readonly string[]): ParsedConfig {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const problem = (offset: number, message: string) => problems.push({ message, ...lines.position(offset) });
  let root: Node;
  try {
    root = parseYaml(text);
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    problem(error.offset, error.message);
    return { config: {}, problems };
  }
  const config: ShipshapeConfig = {};
  if (root.kind === "scalar" && root.value === null) return { config, problems };
  if (root.kind !== "map") {
    problem(root.start, "the config must be a mapping with preset, rules and ignore");
    return { config, problems };
  }
  for (const { key, keyNode } of root.entries)
    if (!topLevelKeys.includes(key)) problem(keyNode.start, `unknown key "${key}": use ${topLevelKeys.slice(1).join(", ")}`);

  const preset = entry(root, "preset");
  if (preset) {
    if (preset.kind === "scalar" && typeof preset.value === "string" && presetNames.includes(preset.value)) config.preset = preset.value;
    else problem(preset.start, `preset must be one of ${presetNames.join(", ")}`);
  }
  const rules = entry(root, "rules");
  if (rules) config.rules = readRules(rules, knownRuleIds, problem);
  const ignore = entry(root, "ignore");
  if (ignore) config.ignore = readStrings(ignore, "ignore", problem);
  return { config, problems };
}

function readRules(node: Node, known: ReadonlySet<string>, problem: (offset: number, message: string) => void) {
  const rules: Record<string, RuleSetting> = {};
  if (node.kind !== "map") {
    problem(node.start, "rules must map rule ids to off, info, warning or error");
    return rules;
  }
  for (const { key, keyNode, value } of (node as MapNode).entries) {
    if (!known.has(key)) {
      const suggestion = closest(key, known);
      problem(keyNode.start, `unknown rule "${key}"${suggestion ? `: did you mean "${suggestion}"?` : ""} (\`shipshape rules\` lists them)`);
      continue;
    }
    const setting = value.kind === "scalar" ? value.value : undefined;
    if (typeof setting === "string" && (settings as string[]).includes(setting)) rules[key] = setting as RuleSetting;
    else problem(value.start, `rule "${key}" must be set to ${settings.join(", ")}`);
  }
  return rules;
}

function readStrings(node: Node, name: string, problem: (offset: number, message: string) => void): string[] {
  const items = node.kind === "seq" ? node.items : [node];
  return items.flatMap((item) => {
    if (item.kind === "scalar" && typeof item.value === "string") return [item.value];
    problem(item.start, `${name} takes a list of path globs`);
    return [];
  });
}

function closest(word: string, candidates: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
