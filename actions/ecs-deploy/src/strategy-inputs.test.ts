// The strategy inputs: each valid form, and each invalid one named in the one message the step
// fails with before any AWS call. Ranges from API CanaryConfiguration / LinearConfiguration /
// DeploymentConfiguration (via @shipshape/core's strategy-settings).
import { InvalidInputs } from "@shipshape/action-kit";
import { describe, expect, it } from "vitest";
import { parseInputs } from "./context.js";
import { SERVICE_STRATEGY, type StrategyInputs } from "./strategy-inputs.js";

const env = { GITHUB_WORKSPACE: "/work/repo", AWS_REGION: "eu-west-1" };
const parse = (inputs: Record<string, string>) =>
  parseInputs((name) => ({ service: "web", ...inputs })[name] ?? "", env).deploymentStrategy;
const problemsOf = (inputs: Record<string, string>): readonly string[] => {
  try {
    parse(inputs);
  } catch (error) {
    if (error instanceof InvalidInputs) return error.problems;
    throw error;
  }
  return [];
};

describe("strategy inputs", () => {
  it("leaves the strategy to the service when nothing is set", () => {
    expect(parse({})).toEqual(SERVICE_STRATEGY);
  });

  it.each<[string, Record<string, string>, Partial<StrategyInputs>]>([
    [
      "canary",
      { strategy: "canary", "canary-percent": "10", "canary-interval": "15", "bake-time": "60" },
      {
        strategy: "CANARY",
        canaryPercent: 10,
        canaryBakeTimeInMinutes: 15,
        bakeTimeInMinutes: 60,
      },
    ],
    [
      "linear with a tenth",
      { strategy: "LINEAR", "linear-percent": "33.3", "linear-interval": "0" },
      {
        strategy: "LINEAR",
        stepPercent: 33.3,
        stepBakeTimeInMinutes: 0,
      },
    ],
    [
      "blue/green with the longest bake",
      { strategy: "blue_green", "bake-time": "1440" },
      {
        strategy: "BLUE_GREEN",
        bakeTimeInMinutes: 1440,
      },
    ],
    ["the smallest canary", { strategy: "canary", "canary-percent": "0.1" }, { canaryPercent: 0.1 }],
    ["rolling", { strategy: "rolling" }, { strategy: "ROLLING", waitUntil: "stable" }],
    ["a stage to wait until", { "wait-until": "test_traffic_shift" }, { waitUntil: "TEST_TRAFFIC_SHIFT" }],
    ["ecspresso's spelling", { "wait-until": "ecs:BAKE_TIME" }, { waitUntil: "BAKE_TIME" }],
    ["settings with the service's strategy", { "canary-percent": "20" }, { strategy: undefined, canaryPercent: 20 }],
  ])("reads %s", (_, inputs, expected) => {
    expect(parse(inputs)).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      "an unknown strategy",
      { strategy: "red_black" },
      'strategy must be one of rolling, blue_green, linear, canary, found "red_black"',
    ],
    ["a bake over a day", { "bake-time": "1441" }, 'bake-time must be a whole number from 0 to 1440, found "1441"'],
    ["a fractional bake", { "bake-time": "2.5" }, 'bake-time must be a whole number from 0 to 1440, found "2.5"'],
    [
      "a canary of nothing",
      { "canary-percent": "0" },
      'canary-percent must be a multiple of 0.1 from 0.1 to 100.0, found "0"',
    ],
    [
      "hundredths",
      { "canary-percent": "5.25" },
      'canary-percent must be a multiple of 0.1 from 0.1 to 100.0, found "5.25"',
    ],
    [
      "a linear step under 3%",
      { "linear-percent": "2.9" },
      'linear-percent must be a multiple of 0.1 from 3.0 to 100.0, found "2.9"',
    ],
    [
      "a negative interval",
      { "linear-interval": "-1" },
      'linear-interval must be a whole number from 0 to 1440, found "-1"',
    ],
    [
      "a word for a number",
      { "canary-interval": "ten" },
      'canary-interval must be a whole number from 0 to 1440, found "ten"',
    ],
    [
      "canary settings on linear",
      { strategy: "linear", "canary-percent": "10" },
      "canary-percent applies only to strategy canary, not linear",
    ],
    [
      "linear settings on canary",
      { strategy: "canary", "linear-interval": "5" },
      "linear-interval applies only to strategy linear, not canary",
    ],
    [
      "a bake on rolling",
      { strategy: "rolling", "bake-time": "5" },
      "bake-time applies to strategies blue_green, linear and canary, not rolling",
    ],
    [
      "a stage on rolling",
      { strategy: "rolling", "wait-until": "BAKE_TIME" },
      "wait-until BAKE_TIME is a stage of blue_green, linear and canary deployments; a rolling deployment waits until stable",
    ],
    [
      "an unknown stage",
      { "wait-until": "DONE" },
      'wait-until must be stable or a lifecycle stage (RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP), found "DONE"',
    ],
    ["a stage without waiting", { wait: "false", "wait-until": "BAKE_TIME" }, "wait-until BAKE_TIME needs wait: true"],
  ])("refuses %s", (_, inputs, problem) => {
    expect(problemsOf(inputs)).toEqual([problem]);
  });

  it("names every bad strategy input at once", () => {
    expect(
      problemsOf({ strategy: "canary", "canary-percent": "200", "bake-time": "x", "wait-until": "SOON" }),
    ).toHaveLength(3);
  });
});
