/**
 * Rendering of a blue/green, linear or canary traffic-shift plan: a text table, a Markdown table
 * and a Mermaid chart (for job summaries), and the JSON shape `shipshape plan --format json` prints.
 * Pure functions over the plan's plain data, with no import from @shipshape/core, so they can move
 * to the report package as they are and the deploy action can reuse them.
 */

/** The fields of @shipshape/core's TrafficShiftPlan these renderers read. */
export interface TrafficShiftPlanView {
  /** BLUE_GREEN, LINEAR or CANARY */
  strategy: string;
  desiredCount: number;
  schedule: readonly { minute: number; percent: number }[];
  peakTasks: number;
  bakeWindow: { startMinute: number; endMinute: number };
  totalMinutes: number;
}

/** One row of the schedule: a shift, or the end of the bake. */
export interface TrafficShiftRow {
  minute: number;
  /** Percent of production traffic on green after this row. */
  green: number;
  blue: number;
  event: string;
}

export function trafficShiftRows(plan: TrafficShiftPlanView): TrafficShiftRow[] {
  const { schedule, strategy } = plan;
  const rows: TrafficShiftRow[] = schedule.map((shift, index) => {
    const last = index === schedule.length - 1;
    let event: string;
    if (strategy === "CANARY" && !last) event = `canary: ${shift.percent}% of production traffic to green`;
    else if (strategy === "LINEAR") event = `step ${index + 1} of ${schedule.length}: ${shift.percent}% of production traffic on green`;
    else if (strategy === "CANARY") event = "the rest of production traffic to green";
    else event = "all production traffic to green";
    if (last) event += "; bake starts";
    return { minute: shift.minute, green: shift.percent, blue: complement(shift.percent), event };
  });
  rows.push({ minute: plan.bakeWindow.endMinute, green: 100, blue: 0, event: "bake ends: the blue revision stops" });
  return rows;
}

/** The text table `shipshape plan` prints, with a bar per row: █ green, ░ blue (one block = 5%). */
export function renderTrafficShiftTable(plan: TrafficShiftPlanView): string {
  const rows = trafficShiftRows(plan);
  const shifts = plan.schedule.length;
  const lines = [
    `${label(plan.strategy)} deployment of ${tasks(plan.desiredCount)}: production traffic moves to the green revision in ${shifts === 1 ? "one shift" : `${shifts} shifts`}.`,
    "",
    " minute   green    blue  traffic               what happens",
  ];
  for (const row of rows) {
    const greenBlocks = Math.round(row.green / 5);
    const bar = "█".repeat(greenBlocks) + "░".repeat(20 - greenBlocks);
    lines.push(
      `${String(row.minute).padStart(7)}  ${`${row.green}%`.padStart(6)}  ${`${row.blue}%`.padStart(6)}  ${bar}  ${row.event}`,
    );
  }
  lines.push("", summary(plan));
  return `${lines.join("\n")}\n`;
}

/** The Mermaid chart and a Markdown table, for a job summary or `--format markdown`. */
export function renderTrafficShiftMarkdown(plan: TrafficShiftPlanView): string {
  const lines = [renderTrafficShiftMermaid(plan), "", "| minute | green | blue | what happens |", "|---:|---:|---:|---|"];
  for (const row of trafficShiftRows(plan)) lines.push(`| ${row.minute} | ${row.green}% | ${row.blue}% | ${row.event} |`);
  lines.push("", summary(plan));
  return `${lines.join("\n")}\n`;
}

/**
 * A Mermaid xychart (xychart-beta) fenced block: one bar per row of the schedule, the percent of
 * production traffic on green, over the minutes of each shift and the end of the bake. Strings are
 * quoted and hold no double quote, as the xychart grammar's string token requires.
 */
export function renderTrafficShiftMermaid(plan: TrafficShiftPlanView): string {
  const rows = trafficShiftRows(plan);
  const categories = rows.map((row, index) => quote(index === rows.length - 1 ? `${row.minute} bake ends` : `${row.minute}`));
  return [
    "```mermaid",
    "xychart-beta",
    `    title ${quote(`${label(plan.strategy)}: production traffic on the green revision`)}`,
    `    x-axis ${quote("minutes after the first shift")} [${categories.join(", ")}]`,
    `    y-axis ${quote("percent on green")} 0 --> 100`,
    `    bar [${rows.map((row) => row.green).join(", ")}]`,
    "```",
  ].join("\n");
}

/** `{"strategy", "schedule": [{"minute", "percent"}], "peakTasks", "totalMinutes"}` */
export function trafficShiftJson(plan: TrafficShiftPlanView) {
  return {
    strategy: plan.strategy,
    schedule: plan.schedule.map(({ minute, percent }) => ({ minute, percent })),
    peakTasks: plan.peakTasks,
    totalMinutes: plan.totalMinutes,
  };
}

function summary(plan: TrafficShiftPlanView): string {
  const bake = plan.bakeWindow.endMinute - plan.bakeWindow.startMinute;
  const each = plan.desiredCount;
  return (
    `Peak ${tasks(plan.peakTasks)} (${each} blue + ${each} green, from scale-up to the end of the bake). ` +
    `Bake ${minutes(bake)}, from minute ${plan.bakeWindow.startMinute} to ${plan.bakeWindow.endMinute}.\n` +
    `Total ${minutes(plan.totalMinutes)} from the first production shift; scaling up green, test traffic and lifecycle hooks come before it.`
  );
}

/** 100 - percent in tenths, so 100 - 33.3 is 66.7 and not 66.69999999999999. */
function complement(percent: number): number {
  return (1000 - Math.round(percent * 10)) / 10;
}

function label(strategy: string): string {
  return strategy === "BLUE_GREEN" ? "Blue/green" : strategy.charAt(0) + strategy.slice(1).toLowerCase();
}

function tasks(count: number): string {
  return count === 1 ? "1 task" : `${count} tasks`;
}

function minutes(count: number): string {
  return count === 1 ? "1 minute" : `${count} minutes`;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, "'")}"`;
}
