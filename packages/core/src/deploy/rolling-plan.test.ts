import { describe, expect, it } from "vitest";
import {
  circuitBreakerFailureThreshold,
  planRollingDeployment,
  type RollingPhase,
  type RollingPlan,
  type RollingPlanInput,
} from "./index.js";

function plan(desiredCount: number, minimumHealthyPercent: number, maximumPercent: number): RollingPlan {
  return planRollingDeployment({ desiredCount, minimumHealthyPercent, maximumPercent });
}

/** "stop 2 -> 2" = stop 2 tasks, leaving 2 running (and, in this model, 2 healthy). */
function phases(text: string): RollingPhase[] {
  if (text === "") return [];
  return text.split(", ").map((step) => {
    const match = /^(start|stop) (\d+) -> (\d+)$/.exec(step);
    if (!match) throw new Error(`bad phase in test: ${step}`);
    const running = Number(match[3]);
    return { action: match[1] as RollingPhase["action"], count: Number(match[2]), running, healthy: running };
  });
}

describe("planRollingDeployment: the documented examples", () => {
  it("4 tasks at 50/100: stop 2, start 2, stop 2, start 2", () => {
    expect(plan(4, 50, 100)).toEqual({
      lowerBound: 2,
      upperBound: 4,
      canProgress: true,
      phases: [
        { action: "stop", count: 2, running: 2, healthy: 2 },
        { action: "start", count: 2, running: 4, healthy: 4 },
        { action: "stop", count: 2, running: 2, healthy: 2 },
        { action: "start", count: 2, running: 4, healthy: 4 },
      ],
      peakTasks: 4,
      lowestHealthy: 2,
      circuitBreakerThreshold: 3,
    });
  });

  it("4 tasks at 100/150: start 2, stop 2, start 2, stop 2", () => {
    expect(plan(4, 100, 150)).toEqual({
      lowerBound: 4,
      upperBound: 6,
      canProgress: true,
      phases: [
        { action: "start", count: 2, running: 6, healthy: 6 },
        { action: "stop", count: 2, running: 4, healthy: 4 },
        { action: "start", count: 2, running: 6, healthy: 6 },
        { action: "stop", count: 2, running: 4, healthy: 4 },
      ],
      peakTasks: 6,
      lowestHealthy: 4,
      circuitBreakerThreshold: 3,
    });
  });
});

describe("planRollingDeployment: settings that progress", () => {
  it.each([
    // desired, min, max, lower, upper, phases, peak, lowest, threshold
    [0, 100, 200, 0, 0, "", 0, 0, 3],
    [0, 100, 100, 0, 0, "", 0, 0, 3],
    [0, 0, 100, 0, 0, "", 0, 0, 3],
    [1, 0, 100, 0, 1, "stop 1 -> 0, start 1 -> 1", 1, 0, 3],
    [1, 100, 200, 1, 2, "start 1 -> 2, stop 1 -> 1", 2, 1, 3],
    [1, 50, 200, 1, 2, "start 1 -> 2, stop 1 -> 1", 2, 1, 3],
    [2, 50, 100, 1, 2, "stop 1 -> 1, start 1 -> 2, stop 1 -> 1, start 1 -> 2", 2, 1, 3],
    // stops can only take part of what is left: ceil(3 * 50%) = 2 must stay healthy
    [3, 50, 100, 2, 3, "stop 1 -> 2, start 1 -> 3, stop 1 -> 2, start 1 -> 3, stop 1 -> 2, start 1 -> 3", 3, 2, 3],
    [3, 100, 200, 3, 6, "start 3 -> 6, stop 3 -> 3", 6, 3, 3],
    [4, 0, 100, 0, 4, "stop 4 -> 0, start 4 -> 4", 4, 0, 3],
    [4, 100, 200, 4, 8, "start 4 -> 8, stop 4 -> 4", 8, 4, 3],
    // starts and stops of different sizes: a partial start, then a stop of the last old task
    [5, 50, 150, 3, 7, "start 2 -> 7, stop 4 -> 3, start 3 -> 6, stop 1 -> 5", 7, 3, 3],
    [6, 100, 200, 6, 12, "start 6 -> 12, stop 6 -> 6", 12, 6, 3],
    [7, 50, 100, 4, 7, "stop 3 -> 4, start 3 -> 7, stop 3 -> 4, start 3 -> 7, stop 1 -> 6, start 1 -> 7", 7, 4, 4],
    [
      10,
      90,
      110,
      9,
      11,
      "start 1 -> 11, stop 2 -> 9, start 2 -> 11, stop 2 -> 9, start 2 -> 11, stop 2 -> 9, " +
        "start 2 -> 11, stop 2 -> 9, start 2 -> 11, stop 2 -> 9, start 1 -> 10",
      11,
      9,
      5,
    ],
    [25, 100, 200, 25, 50, "start 25 -> 50, stop 25 -> 25", 50, 25, 13],
    [1000, 50, 200, 500, 2000, "start 1000 -> 2000, stop 1000 -> 1000", 2000, 1000, 200],
  ])("%i tasks at %i/%i", (desired, min, max, lowerBound, upperBound, steps, peakTasks, lowestHealthy, threshold) => {
    expect(plan(desired, min, max)).toEqual({
      lowerBound,
      upperBound,
      canProgress: true,
      phases: phases(steps),
      peakTasks,
      lowestHealthy,
      circuitBreakerThreshold: threshold,
    });
  });
});

describe("planRollingDeployment: large counts plan in phases, not task by task", () => {
  it.each([
    // desired, min, max, phase count, first phase, peak, lowest, threshold
    [1000, 50, 200, 2, "start 1000 -> 2000", 2000, 1000, 200],
    [5000, 99, 100, 200, "stop 50 -> 4950", 5000, 4950, 200],
    // the most phases of any count: one task of room each way
    [199, 99, 100, 398, "stop 1 -> 198", 199, 198, 100],
    [1_000_000_000, 100, 101, 200, "start 10000000 -> 1010000000", 1_010_000_000, 1_000_000_000, 200],
  ])("%i tasks at %i/%i", (desired, min, max, count, first, peakTasks, lowestHealthy, threshold) => {
    // No stopwatch (a loaded machine must not fail it): a plan that stepped task by task would
    // not finish within the test timeout at a billion tasks.
    const result = plan(desired, min, max);
    expect(result.canProgress).toBe(true);
    expect(result.phases).toHaveLength(count);
    expect(result.phases[0]).toEqual(phases(first)[0]);
    expect(result.peakTasks).toBe(peakTasks);
    expect(result.lowestHealthy).toBe(lowestHealthy);
    expect(result.circuitBreakerThreshold).toBe(threshold);
  });
});

describe("planRollingDeployment: settings that cannot progress", () => {
  it("100/100 says why and what to change", () => {
    expect(plan(4, 100, 100)).toEqual({
      lowerBound: 4,
      upperBound: 4,
      canProgress: false,
      reason:
        "minimumHealthyPercent 100 with maximumPercent 100 leaves no room to start or stop a task " +
        "(desiredCount 4 keeps at least 4 healthy and allows at most 4 running): " +
        "raise maximumPercent to at least 125 or lower minimumHealthyPercent to at most 75",
      phases: [],
      peakTasks: 4,
      lowestHealthy: 4,
      circuitBreakerThreshold: 3,
    });
  });

  it.each([
    // desired, min, max, bound (lower = upper = desired), fix for max, fix for min
    [1, 100, 100, "at least 200", "to 0"],
    [1, 50, 100, "at least 200", "to 0"],
    [1, 100, 150, "at least 200", "to 0"],
    [1, 100, 199, "at least 200", "to 0"],
    // ECS guide: "if the minimum healthy percent is 75% and the desired task count is two, then the
    // scheduler can't stop any tasks"
    [2, 75, 100, "at least 150", "to at most 50"],
    [3, 90, 110, "at least 134", "to at most 66"],
    [200, 100, 100, "at least 101", "to at most 99"],
    [1000, 100, 100, "at least 101", "to at most 99"],
  ])("%i tasks at %i/%i", (desired, min, max, maxFix, minFix) => {
    const result = plan(desired, min, max);
    expect(result).toMatchObject({
      lowerBound: desired,
      upperBound: desired,
      canProgress: false,
      phases: [],
      peakTasks: desired,
      lowestHealthy: desired,
    });
    expect(result.reason).toContain(`minimumHealthyPercent ${min} with maximumPercent ${max} leaves no room`);
    expect(result.reason).toContain(`raise maximumPercent to ${maxFix} or lower minimumHealthyPercent ${minFix}`);
  });
});

describe("planRollingDeployment: invalid input is a reason, never a throw", () => {
  const desiredRule = "desiredCount must be a whole number, 0 or more";
  const minRule = "minimumHealthyPercent must be a whole number from 0 to 100";
  const maxRule = "maximumPercent must be a whole number, 100 or more for a REPLICA service";

  it.each<[unknown, unknown, unknown, string]>([
    // desiredCount, minimumHealthyPercent, maximumPercent, reason
    [-1, 50, 200, `${desiredRule} (found -1)`],
    [2.5, 50, 200, `${desiredRule} (found 2.5)`],
    [Number.NaN, 50, 200, `${desiredRule} (found NaN)`],
    [Number.POSITIVE_INFINITY, 50, 200, `${desiredRule} (found Infinity)`],
    ["4", 50, 200, `${desiredRule} (found "4")`],
    [undefined, 50, 200, `${desiredRule} (found nothing)`],
    [null, 50, 200, `${desiredRule} (found null)`],
    [4n, 50, 200, `${desiredRule} (found 4 (not a plain number))`],
    [[4], 50, 200, `${desiredRule} (found a list)`],
    [4, -1, 200, `${minRule} (found -1)`],
    [4, 101, 200, `${minRule} (found 101)`],
    [4, 50.5, 200, `${minRule} (found 50.5)`],
    [4, 50, 99, `${maxRule} (found 99)`],
    [4, 50, 150.5, `${maxRule} (found 150.5)`],
    [4, 50, { value: 200 }, `${maxRule} (found an object)`],
    [4, 120, 110, `${minRule} (found 120); minimumHealthyPercent 120 must not be above maximumPercent 110`],
    [4, 100, 50, `${maxRule} (found 50); minimumHealthyPercent 100 must not be above maximumPercent 50`],
    [-3, -1, 0, `${desiredRule} (found -3); ${minRule} (found -1); ${maxRule} (found 0)`],
    [2 ** 52, 50, 200, "desiredCount 4503599627370496 with maximumPercent 200 is too large to plan"],
  ])("%o at %o/%o", (desiredCount, minimumHealthyPercent, maximumPercent, reason) => {
    const input = { desiredCount, minimumHealthyPercent, maximumPercent } as unknown as RollingPlanInput;
    expect(planRollingDeployment(input)).toEqual({
      lowerBound: 0,
      upperBound: 0,
      canProgress: false,
      reason,
      phases: [],
      peakTasks: 0,
      lowestHealthy: 0,
      circuitBreakerThreshold: 0,
    });
  });
});

describe("circuitBreakerFailureThreshold: 0.5 * desired, at least 3, at most 200", () => {
  it.each([
    [0, 3],
    [1, 3],
    [6, 3],
    [7, 4],
    [8, 4],
    [25, 13],
    [398, 199],
    [399, 200],
    [400, 200],
    [10_000, 200],
  ])("desired %i -> %i", (desired, threshold) => {
    expect(circuitBreakerFailureThreshold(desired)).toBe(threshold);
  });
});

describe("planRollingDeployment: every plan keeps within its bounds and finishes", () => {
  it("for 0-60 tasks and every min 0-100, max 100-200", () => {
    for (let desired = 0; desired <= 60; desired++) {
      for (let min = 0; min <= 100; min++) {
        for (let max = 100; max <= 200; max++) {
          const result = plan(desired, min, max);
          const at = `${desired} at ${min}/${max}`;
          const stuck = desired > 0 && result.lowerBound === desired && result.upperBound === desired;
          if (result.canProgress === stuck) throw new Error(`${at}: canProgress ${result.canProgress}`);
          if (stuck) continue;
          let oldTasks = desired;
          let newTasks = 0;
          for (const phase of result.phases) {
            if (phase.action === "start") newTasks += phase.count;
            else oldTasks -= phase.count;
            const ok =
              phase.count > 0 &&
              oldTasks >= 0 &&
              newTasks <= desired &&
              phase.running === oldTasks + newTasks &&
              phase.running <= result.upperBound &&
              phase.healthy >= result.lowerBound;
            if (!ok) throw new Error(`${at}: bad phase ${JSON.stringify(phase)}`);
          }
          if (oldTasks !== 0 || newTasks !== desired) {
            throw new Error(`${at}: ends with ${oldTasks} old, ${newTasks} new`);
          }
        }
      }
    }
    expect(true).toBe(true);
  });

  it("the suggested fixes for stuck settings are the smallest that progress", () => {
    for (let desired = 1; desired <= 250; desired++) {
      const reason = plan(desired, 100, 100).reason ?? "";
      const fix = /raise maximumPercent to at least (\d+) or lower minimumHealthyPercent to (?:at most )?(\d+)/;
      const match = fix.exec(reason);
      if (!match) throw new Error(`${desired}: no fix in "${reason}"`);
      const max = Number(match[1]);
      const min = Number(match[2]);
      expect(plan(desired, 100, max).canProgress, `${desired} at 100/${max}`).toBe(true);
      expect(plan(desired, 100, max - 1).canProgress, `${desired} at 100/${max - 1}`).toBe(false);
      expect(plan(desired, min, 100).canProgress, `${desired} at ${min}/100`).toBe(true);
      if (min < 100) expect(plan(desired, min + 1, 100).canProgress, `${desired} at ${min + 1}/100`).toBe(false);
    }
  });
});
