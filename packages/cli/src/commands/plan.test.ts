import { describe, expect, it } from "vitest";
import { cli, workspace } from "../test-support.js";

const plan = (...args: string[]) => cli(workspace({}), "plan", ...args);

describe("shipshape plan --strategy blue_green|linear|canary", () => {
  it("canary 10% for 5 minutes as JSON", async () => {
    const { exitCode, stdout } = await plan("--strategy", "canary", "--desired", "4", "--bake-time", "15", "--canary-percent", "10", "--canary-interval", "5", "--format", "json");
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      strategy: "CANARY",
      schedule: [
        { minute: 0, percent: 10 },
        { minute: 5, percent: 100 },
      ],
      peakTasks: 8,
      totalMinutes: 20,
    });
  });

  it("linear 25% every 5 minutes as a table", async () => {
    const { exitCode, stdout } = await plan("--strategy", "linear", "--desired", "4", "--bake-time", "15", "--linear-percent", "25", "--linear-interval", "5");
    expect(exitCode).toBe(0);
    expect(stdout.split("\n").filter((line) => /^ +\d+ +\d/.test(line)).map((line) => line.trim().split(/ +/).slice(0, 3).join(" "))).toEqual([
      "0 25% 75%",
      "5 50% 50%",
      "10 75% 25%",
      "15 100% 0%",
      "30 100% 0%",
    ]);
    expect(stdout).toContain("Peak 8 tasks");
  });

  it("blue/green as Markdown: a Mermaid chart and the table", async () => {
    const { exitCode, stdout } = await plan("--strategy", "blue_green", "--desired", "2", "--bake-time", "60", "--format", "markdown");
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^```mermaid\nxychart-beta\n/);
    expect(stdout).toContain("| 0 | 100% | 0% | all production traffic to green; bake starts |");
    expect(stdout).toContain("| 60 | 100% | 0% | bake ends: the blue revision stops |");
  });

  it("takes the API defaults for the canary and linear settings", async () => {
    const canary = JSON.parse((await plan("--strategy", "canary", "--desired", "1", "--bake-time", "0", "--format", "json")).stdout);
    expect(canary.schedule).toEqual([
      { minute: 0, percent: 5 },
      { minute: 10, percent: 100 },
    ]);
    const linear = JSON.parse((await plan("--strategy", "LINEAR", "--desired", "1", "--bake-time", "0", "--format", "json")).stdout);
    expect(linear.totalMinutes).toBe(54);
  });

  it.each([
    [["--strategy", "canary", "--desired", "4"], "--bake-time is required with --strategy canary: a whole number from 0 to 1440"],
    [["--strategy", "canary", "--desired", "4", "--bake-time", "1441"], "--bake-time 1441: use a whole number from 0 to 1440"],
    [["--strategy", "canary", "--desired", "4", "--bake-time", "5", "--canary-percent", "0"], "--canary-percent 0: use a multiple of 0.1 from 0.1 to 100.0"],
    [["--strategy", "canary", "--desired", "4", "--bake-time", "5", "--canary-percent", "10.25"], "--canary-percent 10.25: use a multiple of 0.1 from 0.1 to 100.0"],
    [["--strategy", "canary", "--desired", "4", "--bake-time", "5", "--canary-interval", "2000"], "--canary-interval 2000: use a whole number from 0 to 1440"],
    [["--strategy", "linear", "--desired", "4", "--bake-time", "5", "--linear-percent", "2"], "--linear-percent 2: use a multiple of 0.1 from 3.0 to 100.0"],
    [["--strategy", "linear", "--desired", "4", "--bake-time", "5", "--linear-interval", "1.5"], "--linear-interval 1.5: use a whole number"],
    [["--strategy", "linear", "--desired", "4", "--bake-time", "5", "--canary-percent", "10"], "--canary-percent applies only to --strategy canary"],
    [["--strategy", "blue_green", "--desired", "4", "--bake-time", "5", "--min", "50"], "--min applies only to --strategy rolling"],
    [["--desired", "4", "--bake-time", "5"], "--bake-time applies only to --strategy blue_green, linear or canary"],
    [["--strategy", "red_black", "--desired", "4"], "--strategy red_black: use rolling, blue_green, linear or canary"],
    [["--strategy", "canary", "--desired", "4", "--bake-time", "5", "--format", "sarif"], "--format sarif: use text, json or markdown"],
  ])("exits 2 on %j", async (args, message) => {
    const { exitCode, stderr } = await plan(...args);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("shipshape plan --strategy rolling", () => {
  it("prints what it printed before --strategy existed", async () => {
    const implicit = await plan("--desired", "4", "--min", "50", "--max", "100");
    const explicit = await plan("--strategy", "rolling", "--desired", "4", "--min", "50", "--max", "100");
    expect(explicit.stdout).toBe(implicit.stdout);
    expect(implicit.stdout).toBe(
      [
        "Healthy tasks kept: at least 2. Tasks running or pending: at most 4.",
        "",
        " step  action  count  running  healthy",
        "    1  stop        2        2        2  ██",
        "    2  start       2        4        4  ████",
        "    3  stop        2        2        2  ██",
        "    4  start       2        4        4  ████",
        "",
        "Peak 4 tasks, never fewer than 2 healthy. The circuit breaker fails the deployment after 3 failed tasks.",
        "",
      ].join("\n"),
    );
  });

  it("prints the table in a fenced block for --format markdown", async () => {
    const { exitCode, stdout } = await plan("--desired", "4", "--min", "100", "--max", "150", "--format", "markdown");
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^```text\nHealthy tasks kept: at least 4\./);
    expect(stdout.endsWith("```\n")).toBe(true);
  });
});
