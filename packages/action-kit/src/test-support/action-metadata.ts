import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

/** The parts of an action.yml the metadata tests compare with the code and the README. */
export interface ActionMetadata {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

/**
 * An action's action.yml (read with the caller's YAML parser: this kit does not depend on one)
 * and README.md, from the action's folder, e.g. `new URL("..", import.meta.url)` in src/.
 */
export function readActionFiles(
  actionFolder: URL,
  parseYaml: (text: string) => unknown,
): { metadata: ActionMetadata; readme: string } {
  const read = (file: string) => readFileSync(new URL(file, actionFolder), "utf8");
  return { metadata: parseYaml(read("action.yml")) as ActionMetadata, readme: read("README.md") };
}

/** The inputs and outputs that no row of the README's tables (`| \`name\` |`) names. */
export function undocumentedNames({ inputs, outputs }: ActionMetadata, readme: string): string[] {
  return [...Object.keys(inputs), ...Object.keys(outputs)].filter((name) => !readme.includes(`| \`${name}\` |`));
}

/** The input names an input parser asks for, sorted, when each input reads as `answer(name)`. */
export function inputsAsked(
  parseInputs: (read: (name: string) => string) => unknown,
  answer: (name: string) => string = () => "",
): string[] {
  const asked = new Set<string>();
  parseInputs((name) => {
    asked.add(name);
    return answer(name);
  });
  return [...asked].sort();
}

/**
 * The checks every action's metadata test makes, registered in the caller's describe: action.yml
 * runs the committed bundle on node24 (main, and post where there is one), and the README's
 * tables name every input and output.
 */
export function testBundleAndReadme({ metadata, readme }: { metadata: ActionMetadata; readme: string }): void {
  it("runs the committed bundle on node24", () => {
    const { post } = metadata.runs as { post?: string };
    expect(metadata.runs).toEqual({
      using: "node24",
      main: "dist/index.js",
      ...(post ? { post: "dist/index.js" } : {}),
    });
  });

  it("documents every input and output in the README's tables", () => {
    expect(undocumentedNames(metadata, readme)).toEqual([]);
  });
}
