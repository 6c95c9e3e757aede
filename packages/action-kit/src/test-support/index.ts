// Helpers for the unit tests of the actions and this kit (`@shipshape/action-kit/testing`; the fake
// @actions/core is `@shipshape/action-kit/testing/actions-core`): test files only, the build
// leaves this folder out, so no bundle carries it.
export {
  type ActionMetadata,
  inputsAsked,
  readActionFiles,
  testBundleAndReadme,
  undocumentedNames,
} from "./action-metadata.js";
export { captureStdout } from "./stdout-capture.js";
export { activeCommands } from "./workflow-commands.js";
