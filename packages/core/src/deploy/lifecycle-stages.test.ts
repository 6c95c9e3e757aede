import { describe, expect, it } from "vitest";
import { isLifecycleStage, LIFECYCLE_STAGES, lifecycleStageIndex } from "./lifecycle-stages.js";

describe("lifecycle stages", () => {
  it("keep the order a deployment goes through them (API ServiceDeployment.lifecycleStage)", () => {
    expect(lifecycleStageIndex("TEST_TRAFFIC_SHIFT")).toBeLessThan(lifecycleStageIndex("PRODUCTION_TRAFFIC_SHIFT"));
    expect(lifecycleStageIndex("PRE_PRODUCTION_TRAFFIC_SHIFT")).toBe(
      lifecycleStageIndex("PRODUCTION_TRAFFIC_SHIFT") - 1,
    );
    expect(lifecycleStageIndex("BAKE_TIME")).toBe(LIFECYCLE_STAGES.length - 2);
    expect(LIFECYCLE_STAGES.at(-1)).toBe("CLEAN_UP");
  });

  it.each([
    ["BAKE_TIME", true],
    ["RECONCILE_SERVICE", true],
    ["bake_time", false],
    ["STABLE", false],
    [undefined, false],
  ])("%s is a stage: %s", (value, expected) => {
    expect(isLifecycleStage(value)).toBe(expected);
    expect(lifecycleStageIndex(value) >= 0).toBe(expected);
  });
});
