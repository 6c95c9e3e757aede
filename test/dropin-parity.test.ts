// Every input and output of the three aws-actions shipshape stands in for (their action.yml
// files, kept as data in test/anchors/) has a shipshape equivalent: the same name in the matching
// shipshape action.yml, or an entry of ALIASES below. And docs/migrating.md's table names each.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "./support/run-action.js";

interface ActionYml {
  inputs?: Record<string, { required?: boolean; default?: string }>;
  outputs?: Record<string, unknown>;
}

/** Each anchor and the shipshape action that takes its place. */
const ANCHORS = {
  "amazon-ecr-login": "ecr",
  "amazon-ecs-render-task-definition": "ecs-render",
  "amazon-ecs-deploy-task-definition": "ecs-deploy",
} as const;

/**
 * Anchor names that shipshape spells differently and does not declare under the anchor's name:
 * anchor -> { input or output name: shipshape's name }. Empty today: every anchor name is declared
 * as it is (aliases such as wait-for-service-stability are inputs of their own, read as `wait`).
 */
const ALIASES: Record<keyof typeof ANCHORS, { inputs: Record<string, string>; outputs: Record<string, string> }> = {
  "amazon-ecr-login": { inputs: {}, outputs: {} },
  "amazon-ecs-render-task-definition": { inputs: {}, outputs: {} },
  "amazon-ecs-deploy-task-definition": { inputs: {}, outputs: {} },
};

const readYml = (path: string) => parse(readFileSync(join(repoRoot, path), "utf8")) as ActionYml;
const migrating = readFileSync(join(repoRoot, "docs", "migrating.md"), "utf8");

const rows = Object.entries(ANCHORS).flatMap(([anchor, action]) => {
  const theirs = readYml(`test/anchors/${anchor}.yml`);
  const ours = readYml(`actions/${action}/action.yml`);
  const aliases = ALIASES[anchor as keyof typeof ANCHORS];
  return (["inputs", "outputs"] as const).flatMap((kind) =>
    Object.keys(theirs[kind] ?? {}).map((name) => ({
      anchor,
      action,
      kind,
      name,
      shipshape: aliases[kind][name] ?? name,
      declared: Object.keys(ours[kind] ?? {}),
    })),
  );
});

describe("drop-in parity with the aws-actions", () => {
  it("reads every input and output of the three anchors", () => {
    // ecr-login 5 + 1, render 15 + 1, deploy 31 + 3, at the commits in test/anchors/SOURCES.md
    expect(rows.length).toBe(56);
  });

  it.each(rows)("$anchor $kind $name has a shipshape equivalent in actions/$action", (row) => {
    expect(row.declared, `actions/${row.action}/action.yml ${row.kind}`).toContain(row.shipshape);
  });

  it.each(rows)("docs/migrating.md maps $anchor's $name", (row) => {
    expect(migrating).toContain(`| \`${row.name}\` |`);
  });

  it("lists only aliases whose shipshape name exists", () => {
    for (const [anchor, aliases] of Object.entries(ALIASES)) {
      const ours = readYml(`actions/${ANCHORS[anchor as keyof typeof ANCHORS]}/action.yml`);
      for (const kind of ["inputs", "outputs"] as const)
        for (const target of Object.values(aliases[kind])) expect(Object.keys(ours[kind] ?? {})).toContain(target);
    }
  });
});
