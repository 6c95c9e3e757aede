import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Workspace packages export "source" (their TypeScript) beside the built lib/, so tests run
// against src/ without a build step.
const conditions = ["source", "node", "import", "default"];
const fastCheckSeed = fileURLToPath(new URL("./vitest.fast-check.ts", import.meta.url));

export function projectConfig(name: string, overrides: { testTimeout?: number; include?: string[] } = {}) {
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ["source"] } },
    test: {
      name,
      environment: "node",
      include: overrides.include ?? ["src/**/*.test.ts"],
      setupFiles: [fastCheckSeed],
      // A guard against hangs, not a measure: property tests take seconds on a loaded 2-core
      // machine, and a test must never fail because another process had the CPU.
      testTimeout: overrides.testTimeout ?? 120_000,
    },
  });
}
