import { planTrafficShift, type TrafficShiftPlanInput } from "@shipshape/core";
import { describe, expect, it } from "vitest";
import {
  renderTrafficShiftMarkdown,
  renderTrafficShiftMermaid,
  renderTrafficShiftTable,
  type TrafficShiftPlanView,
  trafficShiftJson,
  trafficShiftRows,
} from "./traffic-shift.js";

/** The planner's own output for the documented canary: 10% for 5 minutes, then a 15-minute bake. */
function planned(input: TrafficShiftPlanInput): TrafficShiftPlanView {
  const result = planTrafficShift(input);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.plan;
}
const canary = planned({
  strategy: "CANARY",
  desiredCount: 4,
  bakeTimeInMinutes: 15,
  canaryPercent: 10,
  canaryBakeTimeInMinutes: 5,
});

const linearThirds: TrafficShiftPlanView = {
  strategy: "LINEAR",
  desiredCount: 1,
  schedule: [
    { minute: 0, percent: 33.3 },
    { minute: 2, percent: 66.6 },
    { minute: 4, percent: 99.9 },
    { minute: 6, percent: 100 },
  ],
  peakTasks: 2,
  bakeWindow: { startMinute: 6, endMinute: 6 },
  totalMinutes: 6,
};

/**
 * The statements of Mermaid's xychart grammar this renderer uses
 * (mermaid-js/mermaid packages/mermaid/src/diagrams/xychart/parser/xychart.jison): a quoted
 * string is `"` then anything but `"` then `"`; data are comma-separated decimals.
 */
const quoted = String.raw`"[^"\n]*"`;
const decimal = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`;
const mermaidLines = [
  /^```mermaid$/,
  /^xychart-beta$/,
  new RegExp(`^    title ${quoted}$`),
  new RegExp(`^    x-axis ${quoted} \\[${quoted}(?:, ${quoted})*\\]$`),
  new RegExp(`^    y-axis ${quoted} ${decimal} --> ${decimal}$`),
  new RegExp(`^    bar \\[${decimal}(?:, ${decimal})*\\]$`),
  /^```$/,
];

describe("trafficShiftRows", () => {
  it("one row per shift and one for the end of the bake, blue the complement in tenths", () => {
    expect(trafficShiftRows(linearThirds)).toEqual([
      { minute: 0, green: 33.3, blue: 66.7, event: "step 1 of 4: 33.3% of production traffic on green" },
      { minute: 2, green: 66.6, blue: 33.4, event: "step 2 of 4: 66.6% of production traffic on green" },
      { minute: 4, green: 99.9, blue: 0.1, event: "step 3 of 4: 99.9% of production traffic on green" },
      { minute: 6, green: 100, blue: 0, event: "step 4 of 4: 100% of production traffic on green; bake starts" },
      { minute: 6, green: 100, blue: 0, event: "bake ends: the blue revision stops" },
    ]);
  });
});

describe("renderTrafficShiftTable", () => {
  it("draws the canary schedule", () => {
    expect(renderTrafficShiftTable(canary)).toBe(
      [
        "Canary deployment of 4 tasks: production traffic moves to the green revision in 2 shifts.",
        "",
        " minute   green    blue  traffic               what happens",
        "      0     10%     90%  ██░░░░░░░░░░░░░░░░░░  canary: 10% of production traffic to green",
        "      5    100%      0%  ████████████████████  the rest of production traffic to green; bake starts",
        "     20    100%      0%  ████████████████████  bake ends: the blue revision stops",
        "",
        "Peak 8 tasks (4 blue + 4 green, from scale-up to the end of the bake). Bake 15 minutes, from minute 5 to 20.",
        "Total 20 minutes from the first production shift; scaling up green, test traffic and lifecycle hooks come before it.",
        "",
      ].join("\n"),
    );
  });

  it("says one shift for blue/green", () => {
    const blueGreen = { ...canary, strategy: "BLUE_GREEN", schedule: [{ minute: 0, percent: 100 }], bakeWindow: { startMinute: 0, endMinute: 60 }, totalMinutes: 60 };
    const table = renderTrafficShiftTable(blueGreen);
    expect(table).toMatch(/^Blue\/green deployment of 4 tasks: .* in one shift\.$/m);
    expect(table).toContain("all production traffic to green; bake starts");
    expect(table).toContain("Bake 60 minutes, from minute 0 to 60.");
  });
});

describe("renderTrafficShiftMermaid", () => {
  it.each([
    ["canary", canary],
    ["linear thirds", linearThirds],
  ])("%s: every line is a statement of the xychart grammar", (_name, plan) => {
    const lines = renderTrafficShiftMermaid(plan).split("\n");
    expect(lines).toHaveLength(mermaidLines.length);
    for (const [index, line] of lines.entries()) expect(line).toMatch(mermaidLines[index]!);
  });

  it("has one bar and one category per row", () => {
    expect(renderTrafficShiftMermaid(canary)).toContain(`x-axis "minutes after the first shift" ["0", "5", "20 bake ends"]`);
    expect(renderTrafficShiftMermaid(canary)).toContain("bar [10, 100, 100]");
  });
});

describe("renderTrafficShiftMarkdown", () => {
  it("puts the chart before a Markdown table", () => {
    const markdown = renderTrafficShiftMarkdown(canary);
    expect(markdown.indexOf("```mermaid")).toBe(0);
    expect(markdown).toContain("| minute | green | blue | what happens |\n|---:|---:|---:|---|\n| 0 | 10% | 90% | canary: 10% of production traffic to green |");
    expect(markdown).toContain("| 20 | 100% | 0% | bake ends: the blue revision stops |");
  });
});

describe("trafficShiftJson", () => {
  it("holds strategy, schedule, peakTasks and totalMinutes", () => {
    const { strategy, schedule, peakTasks, totalMinutes } = canary;
    expect(trafficShiftJson(canary)).toEqual({ strategy, schedule, peakTasks, totalMinutes });
  });
});
