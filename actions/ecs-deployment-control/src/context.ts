// The step's inputs, parsed and cross-checked in one place.
import { InputParser, type InputReader } from "@shipshape/action-kit";

export interface Inputs {
  region: string;
  cluster: string;
  service: string;
  /** ContinueServiceDeployment's action. */
  action: "CONTINUE" | "ROLLBACK";
}

/** Parses the inputs; throws one Error listing every problem. */
export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const parse = new InputParser(read);
  const chosen = parse.oneOf("action", ["continue", "rollback"], "continue");
  const inputs: Inputs = {
    region: parse.string("region") || env.AWS_REGION || env.AWS_DEFAULT_REGION || "",
    cluster: parse.string("cluster") || "default",
    service: parse.string("service", { required: true }),
    action: chosen === "rollback" ? "ROLLBACK" : "CONTINUE",
  };
  parse.need(
    inputs.region !== "",
    "region is not set: give the region input, or set AWS_REGION (aws-actions/configure-aws-credentials does)",
  );
  parse.need(parse.read("action") !== "", "action is required: continue or rollback");
  parse.finish();
  return inputs;
}
