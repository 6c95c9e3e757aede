import { describe, expect, it } from "vitest";
import { allRules } from "@shipshape/core";
import { cli, workspace } from "./test-support.js";

describe("shipshape rules / explain", () => {
  it("lists every rule with its severity", async () => {
    const { exitCode, stdout } = await cli(workspace({}), "rules");
    expect(exitCode).toBe(0);
    for (const rule of allRules) expect(stdout).toContain(rule.id);
    const json = JSON.parse((await cli(workspace({}), "rules", "--json")).stdout);
    expect(json.map((rule: { id: string }) => rule.id)).toEqual(allRules.map((rule) => rule.id));
  });

  it("explains a rule, and refuses an unknown one", async () => {
    const { stdout } = await cli(workspace({}), "explain", "fargate-requires-awsvpc");
    expect(stdout).toMatch(/^fargate-requires-awsvpc: /);
    expect(stdout).toContain("Fix: ");
    expect(stdout).toContain("docs/rules/fargate-requires-awsvpc.md");
    const unknown = await cli(workspace({}), "explain", "nope");
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('unknown rule "nope"');
  });
});

describe("shipshape plan", () => {
  it.each([
    [4, 50, 100, ["stop 2", "start 2", "stop 2", "start 2"]],
    [4, 100, 150, ["start 2", "stop 2", "start 2", "stop 2"]],
  ])("plans %i tasks at %i/%i", async (desired, min, max, phases) => {
    const { exitCode, stdout } = await cli(workspace({}), "plan", "--desired", `${desired}`, "--min", `${min}`, "--max", `${max}`, "--format", "json");
    expect(exitCode).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.phases.map((p: { action: string; count: number }) => `${p.action} ${p.count}`)).toEqual(phases);
    expect(plan).toMatchObject({ canProgress: true, lowerBound: Math.ceil((desired * min) / 100), upperBound: Math.floor((desired * max) / 100) });
  });

  it("exits 1 with the reason when the deployment cannot progress", async () => {
    const { exitCode, stdout } = await cli(workspace({}), "plan", "--desired", "4", "--min", "100", "--max", "100");
    expect(exitCode).toBe(1);
    expect(stdout).toContain("Cannot progress: minimumHealthyPercent 100 with maximumPercent 100");
  });

  it("draws the steps as a table with bars", async () => {
    const { stdout } = await cli(workspace({}), "plan", "--desired", "4", "--min", "50", "--max", "100");
    expect(stdout).toMatch(/1 {2}stop {8}2 {8}2 {8}2 {2}██/);
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli(workspace({}), "plan")).exitCode).toBe(2);
    expect((await cli(workspace({}), "plan", "--desired", "four")).stderr).toContain("--desired four: use a whole number");
  });
});

describe("shipshape", () => {
  it("prints usage, version, and refuses unknown commands", async () => {
    expect((await cli(workspace({}), "--help")).stdout).toContain("Commands:");
    expect((await cli(workspace({}), "--version")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const unknown = await cli(workspace({}), "deploy");
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('unknown command "deploy"');
  });
});
