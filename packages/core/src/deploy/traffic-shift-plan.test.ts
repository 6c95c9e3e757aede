import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  planTrafficShift,
  type TrafficShiftPlan,
  type TrafficShiftPlanInput,
  type TrafficShiftStrategy,
} from "./index.js";

function plan(input: TrafficShiftPlanInput): TrafficShiftPlan {
  const result = planTrafficShift(input);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.plan;
}

function problems(input: TrafficShiftPlanInput): string[] {
  const result = planTrafficShift(input);
  return result.ok ? [] : result.problems.map((problem) => `${problem.setting}: ${problem.message}`);
}

describe("planTrafficShift: the documented shapes", () => {
  it("canary 10% for 5 minutes: 10 at 0, then 100 at 5, then the bake", () => {
    expect(
      plan({ strategy: "CANARY", desiredCount: 4, bakeTimeInMinutes: 15, canaryPercent: 10, canaryBakeTimeInMinutes: 5 }),
    ).toEqual({
      strategy: "CANARY",
      desiredCount: 4,
      schedule: [
        { minute: 0, percent: 10 },
        { minute: 5, percent: 100 },
      ],
      peakTasks: 8,
      bakeWindow: { startMinute: 5, endMinute: 20 },
      totalMinutes: 20,
      settings: { bakeTimeInMinutes: 15, canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
    });
  });

  it("linear 25% every 5 minutes: 25, 50, 75, 100", () => {
    const linear = plan({ strategy: "LINEAR", desiredCount: 3, bakeTimeInMinutes: 10, stepPercent: 25, stepBakeTimeInMinutes: 5 });
    expect(linear.schedule).toEqual([
      { minute: 0, percent: 25 },
      { minute: 5, percent: 50 },
      { minute: 10, percent: 75 },
      { minute: 15, percent: 100 },
    ]);
    expect(linear).toMatchObject({ peakTasks: 6, bakeWindow: { startMinute: 15, endMinute: 25 }, totalMinutes: 25 });
  });

  it("blue/green: everything at once, then the bake", () => {
    expect(plan({ strategy: "BLUE_GREEN", desiredCount: 2, bakeTimeInMinutes: 30 })).toMatchObject({
      schedule: [{ minute: 0, percent: 100 }],
      peakTasks: 4,
      bakeWindow: { startMinute: 0, endMinute: 30 },
      totalMinutes: 30,
    });
  });

  it("uses the API defaults: canary 5% for 10 minutes, linear 10% every 6 minutes", () => {
    const canary = plan({ strategy: "CANARY", desiredCount: 1, bakeTimeInMinutes: 0 });
    expect(canary.schedule).toEqual([
      { minute: 0, percent: 5 },
      { minute: 10, percent: 100 },
    ]);
    const linear = plan({ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 0 });
    expect(linear.schedule.map((shift) => shift.percent)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(linear.totalMinutes).toBe(54);
    expect(linear.settings).toEqual({ bakeTimeInMinutes: 0, stepPercent: 10, stepBakeTimeInMinutes: 6 });
  });

  it("a linear step that does not divide 100 ends with a smaller last step (CloudFormation's step count)", () => {
    // AWS::ECS::Service LinearConfiguration: StepPercent 11 gives 9 deployment steps (waits).
    const linear = plan({ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 0, stepPercent: 11, stepBakeTimeInMinutes: 1 });
    expect(linear.schedule.map((shift) => shift.percent)).toEqual([11, 22, 33, 44, 55, 66, 77, 88, 99, 100]);
    expect(linear.totalMinutes).toBe(9);
    const thirds = plan({ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 0, stepPercent: 33.3, stepBakeTimeInMinutes: 2 });
    expect(thirds.schedule.map((shift) => shift.percent)).toEqual([33.3, 66.6, 99.9, 100]);
  });

  it("a 100% canary or linear step shifts everything at once", () => {
    expect(plan({ strategy: "CANARY", desiredCount: 1, bakeTimeInMinutes: 5, canaryPercent: 100, canaryBakeTimeInMinutes: 30 }).schedule).toEqual([
      { minute: 0, percent: 100 },
    ]);
    expect(plan({ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 5, stepPercent: 100 }).totalMinutes).toBe(5);
  });
});

describe("planTrafficShift: settings outside the documented ranges", () => {
  it.each([
    [{ strategy: "BLUE_GREEN", desiredCount: 1, bakeTimeInMinutes: 1441 }, "bakeTimeInMinutes: bakeTimeInMinutes must be a whole number from 0 to 1440 (found 1441)"],
    [{ strategy: "BLUE_GREEN", desiredCount: 1, bakeTimeInMinutes: 2.5 }, "bakeTimeInMinutes: bakeTimeInMinutes must be a whole number from 0 to 1440 (found 2.5)"],
    [{ strategy: "CANARY", desiredCount: 1, bakeTimeInMinutes: 0, canaryPercent: 0 }, "canaryPercent: canaryPercent must be a multiple of 0.1 from 0.1 to 100.0 (found 0)"],
    [{ strategy: "CANARY", desiredCount: 1, bakeTimeInMinutes: 0, canaryPercent: 10.25 }, "canaryPercent: canaryPercent must be a multiple of 0.1 from 0.1 to 100.0 (found 10.25)"],
    [{ strategy: "CANARY", desiredCount: 1, bakeTimeInMinutes: 0, canaryBakeTimeInMinutes: -1 }, "canaryBakeTimeInMinutes: canaryBakeTimeInMinutes must be a whole number from 0 to 1440 (found -1)"],
    [{ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 0, stepPercent: 2.9 }, "stepPercent: stepPercent must be a multiple of 0.1 from 3.0 to 100.0 (found 2.9)"],
    [{ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 0, stepBakeTimeInMinutes: 1500 }, "stepBakeTimeInMinutes: stepBakeTimeInMinutes must be a whole number from 0 to 1440 (found 1500)"],
    [{ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 0, canaryPercent: 5 }, "canaryPercent: canaryPercent applies only to the CANARY strategy, not LINEAR"],
    [{ strategy: "BLUE_GREEN", desiredCount: -1, bakeTimeInMinutes: 0 }, "desiredCount: desiredCount must be a whole number, 0 or more (found -1)"],
  ] as [TrafficShiftPlanInput, string][])("%o", (input, expected) => {
    expect(problems(input)).toEqual([expected]);
  });

  it("accepts the ends of every range", () => {
    expect(problems({ strategy: "CANARY", desiredCount: 0, bakeTimeInMinutes: 1440, canaryPercent: 0.1, canaryBakeTimeInMinutes: 1440 })).toEqual([]);
    expect(problems({ strategy: "LINEAR", desiredCount: 0, bakeTimeInMinutes: 0, stepPercent: 3, stepBakeTimeInMinutes: 0 })).toEqual([]);
    expect(problems({ strategy: "LINEAR", desiredCount: 0, bakeTimeInMinutes: 0, stepPercent: 100, stepBakeTimeInMinutes: 1440 })).toEqual([]);
  });
});

describe("planTrafficShift: properties over the documented ranges", () => {
  const tenths = (min: number, max: number) => fc.integer({ min, max }).map((value) => value / 10);
  const minutes = fc.integer({ min: 0, max: 1440 });
  const input: fc.Arbitrary<TrafficShiftPlanInput> = fc.oneof(
    fc.record({ strategy: fc.constant<TrafficShiftStrategy>("BLUE_GREEN"), desiredCount: fc.nat(1000), bakeTimeInMinutes: minutes }),
    fc.record({
      strategy: fc.constant<TrafficShiftStrategy>("CANARY"),
      desiredCount: fc.nat(1000),
      bakeTimeInMinutes: minutes,
      canaryPercent: tenths(1, 1000),
      canaryBakeTimeInMinutes: minutes,
    }),
    fc.record({
      strategy: fc.constant<TrafficShiftStrategy>("LINEAR"),
      desiredCount: fc.nat(1000),
      bakeTimeInMinutes: minutes,
      stepPercent: tenths(30, 1000),
      stepBakeTimeInMinutes: minutes,
    }),
  );

  it("percent rises strictly and ends at 100, minutes never go back, totals add up", () => {
    fc.assert(
      fc.property(input, (settings) => {
        const { schedule, totalMinutes, bakeWindow, peakTasks } = plan(settings);
        expect(schedule[0]!.minute).toBe(0);
        expect(schedule[schedule.length - 1]!.percent).toBe(100);
        for (let i = 1; i < schedule.length; i++) {
          expect(schedule[i]!.percent).toBeGreaterThan(schedule[i - 1]!.percent);
          expect(schedule[i]!.minute).toBeGreaterThanOrEqual(schedule[i - 1]!.minute);
        }
        for (const shift of schedule) expect(Math.round(shift.percent * 10)).toBeCloseTo(shift.percent * 10, 9);
        expect(bakeWindow.startMinute).toBe(schedule[schedule.length - 1]!.minute);
        expect(bakeWindow.endMinute - bakeWindow.startMinute).toBe(settings.bakeTimeInMinutes);
        expect(totalMinutes).toBe(bakeWindow.endMinute);
        expect(peakTasks).toBe(2 * settings.desiredCount);
      }),
    );
  });

  it("linear: one wait fewer than shifts, as CloudFormation counts the steps", () => {
    fc.assert(
      fc.property(tenths(30, 1000), fc.integer({ min: 0, max: 60 }), (stepPercent, interval) => {
        const { schedule, totalMinutes } = plan({ strategy: "LINEAR", desiredCount: 1, bakeTimeInMinutes: 0, stepPercent, stepBakeTimeInMinutes: interval });
        const stepTenths = Math.round(stepPercent * 10);
        const cloudFormationSteps = 1000 % stepTenths === 0 ? 1000 / stepTenths - 1 : Math.floor(1000 / stepTenths);
        expect(schedule.length - 1).toBe(cloudFormationSteps);
        expect(totalMinutes).toBe(cloudFormationSteps * interval);
      }),
    );
  });
});
