import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { presetsFile, readmeFile, renderPresets, renderReadme, renderSchema, schemaFile } from "../scripts/generate.js";

// Files derived from policies/ and the rule catalogue must not drift: `npx tsx scripts/generate.ts` rewrites them.
describe("generated files are current", () => {
  it.each([
    ["the presets bundled into core", presetsFile, renderPresets],
    ["the .shipshape.yaml JSON Schema", schemaFile, renderSchema],
    ["the README's rule table", readmeFile, () => renderReadme(readFileSync(readmeFile, "utf8"))],
  ])("%s", (_what, file, render) => {
    expect(readFileSync(file, "utf8"), `${file} is stale: run npx tsx scripts/generate.ts`).toBe(render());
  });
});
