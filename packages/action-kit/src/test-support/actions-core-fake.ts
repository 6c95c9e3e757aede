// A stand-in for @actions/core in unit tests (`@shipshape/action-kit/testing/actions-core`): it
// keeps what a step read, set and printed in `step`, so a test asserts on outputs, the failure and
// the log without a runner. The test installs it and reads the same module instance:
//   vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));
//   import { step } from "@shipshape/action-kit/testing/actions-core";

/** What a step did through @actions/core. */
export interface StepRecord {
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  failed: string | undefined;
  /** Every line given to info, warning, error, notice and startGroup, in order. */
  printed: string[];
  summary: string;
}

export const step: StepRecord = { inputs: {}, outputs: {}, failed: undefined, printed: [], summary: "" };

/** Empties the record in place (a test may hold `step.printed`), for a beforeEach. */
export function resetStep(): void {
  for (const values of [step.inputs, step.outputs]) for (const key of Object.keys(values)) delete values[key];
  step.printed.length = 0;
  step.failed = undefined;
  step.summary = "";
}

const print = (line: string) => void step.printed.push(line);

export const getInput = (name: string) => (step.inputs[name] ?? "").trim();
export const getState = () => "";
export const saveState = () => {};
export const setSecret = () => {};
export const setOutput = (name: string, value: string) => {
  step.outputs[name] = value;
};
export const setFailed = (message: string) => {
  step.failed = message;
};
export const info = print;
export const warning = print;
export const error = print;
export const notice = print;
export const startGroup = print;
export const endGroup = () => {};
export const debug = () => {};
export const summary = {
  addRaw(text: string) {
    step.summary += text;
    return summary;
  },
  write: async () => summary,
};
