import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mutateYaml, parseYamlFast } from "@shipshape/fast-yaml";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_READER_LIMITS, type ReaderProblem } from "./limits.js";
import type { Node } from "./node.js";
import { SyntaxProblem } from "./parse-json.js";
import { parseYaml, parseYamlWithPackage } from "./parse-yaml.js";

const repository = fileURLToPath(new URL("../../../../", import.meta.url));
const seeds = ["examples", "packages/fast-yaml/src/fixtures"].flatMap((folder) =>
  readdirSync(join(repository, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => readFileSync(join(repository, folder, file), "utf8")),
);

function described(node: Node): unknown {
  switch (node.kind) {
    case "scalar":
      return [node.value, node.start, node.end, node.key];
    case "tagged":
      return [node.tag, node.start, node.end, node.key, described(node.value)];
    case "seq":
      return [node.items.map(described), node.start, node.end, node.key];
    case "map":
      return [node.entries.map((entry) => [entry.key, described(entry.keyNode), described(entry.value)]), node.start];
  }
}

/** A generator of [0, 1) from fast-check's integers, so a failure shrinks and replays. */
const randomFrom = (values: readonly number[]) => {
  let next = 0;
  return () => values[next++ % values.length]! / 2 ** 32;
};

describe("the YAML readers on mutated templates (scripts/fuzz-yaml.mjs runs the long campaign)", () => {
  // A small node budget keeps alias chains quick; the logic is the same at any budget.
  const limits = { ...DEFAULT_READER_LIMITS, maxNodes: 20_000 };

  it("fail only with a SyntaxProblem, and the fast reader agrees with the yaml package path", () => {
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 8, maxLength: 32 }),
        (seed, values) => {
          const text = mutateYaml(seeds[seed]!, randomFrom(values));
          const problems: ReaderProblem[] = [];
          try {
            parseYaml(text, limits, problems);
          } catch (error) {
            expect(error).toBeInstanceOf(SyntaxProblem);
            expect((error as SyntaxProblem).message).not.toMatch(/call stack/);
          }
          const fast = parseYamlFast(text);
          if (fast) expect(described(fast)).toEqual(described(parseYamlWithPackage(text, limits)));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it("give the same variant for the same random numbers", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8].map((value) => value * 123_456_789);
    expect(mutateYaml(seeds[0]!, randomFrom(values))).toBe(mutateYaml(seeds[0]!, randomFrom(values)));
    expect(mutateYaml(seeds[0]!, randomFrom(values))).not.toBe(seeds[0]);
  });
});
