/**
 * How a shipshape action talks to the GitHub Actions runner: inputs and saved state from the
 * environment, outputs, state and the job summary into the runner's files, and workflow commands
 * (annotations, masks, groups) on stdout. The few parts of @actions/core the actions use, without
 * its HTTP client (OIDC tokens), which the bundles would otherwise carry and load at start-up.
 *
 *   const repository = runner.getInput("repository");
 *   runner.setSecret(password);
 *   runner.warning("tag latest is mutable", { file: "task-definition.json", startLine: 14 });
 *   runner.setOutput("digest", digest);
 *   runner.appendSummary("## Deployed\n");
 */
export {
  type AnnotationProperties,
  debug,
  endGroup,
  error,
  escapeData,
  escapeProperty,
  formatCommand,
  group,
  info,
  notice,
  setFailed,
  setSecret,
  startGroup,
  warning,
} from "./workflow-commands.js";
export { appendSummary, formatKeyValue, getInput, getState, saveState, setOutput } from "./file-commands.js";
export { InputParser, type InputReader } from "./inputs.js";
