// The drop-in inputs as action.yml's defaults leave them, for tests that build Inputs by hand.
import { InputParser } from "@shipshape/action-kit";
import { type DropInInputs, parseDropInInputs } from "./drop-in-inputs.js";

export const defaultDropIn: DropInInputs = parseDropInInputs(new InputParser(() => ""), {
  cluster: "default",
  service: "web",
  workspace: "/nonexistent-workspace",
});
