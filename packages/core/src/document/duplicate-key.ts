import type { ReaderProblem } from "./limits.js";
import { lineOf } from "./position.js";

interface KeyPlace {
  start: number;
  end: number;
  value: unknown;
}

/**
 * A key given a second time in one map: CloudFormation refuses the template (cfn-lint E0000),
 * while YAML and JSON readers keep the last value. The problem sits on the second key.
 */
export function duplicateKeyProblem(text: string, first: KeyPlace, second: KeyPlace): ReaderProblem {
  return {
    kind: "duplicate-key",
    message: `key ${shown(String(second.value))} appears twice in this map (line ${lineOf(text, first.start)}); CloudFormation rejects duplicate keys`,
    offset: second.start,
    end: second.end,
  };
}

/** The key quoted, cut short when long: a message names it without echoing a whole value. */
function shown(key: string): string {
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key);
}
