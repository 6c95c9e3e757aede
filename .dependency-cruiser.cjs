// The layering of DESIGN.md, checked in CI (`npm run depcruise`): arrows point one way,
// cli and actions -> project/report/aws -> core, and no circles anywhere. It reads the compiled
// lib/ of every package (run after the build): dependency-cruiser parses TypeScript only through
// the TypeScript 5 API, and this repository compiles with TypeScript 7, which has none.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules that import each other, directly or through others: split what both need into a third.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-is-pure",
      severity: "error",
      comment: "packages/core imports nothing of ours (but its leaf YAML reader) and no AWS SDK or @actions/*.",
      from: { path: "^packages/core/" },
      to: {
        path: "^(packages/(?!core/|fast-yaml/)|actions/)|node_modules/(@aws-sdk|@smithy|@actions)/",
      },
    },
    {
      name: "no-action-imports-cli",
      severity: "error",
      comment: "Actions build on core, aws, report and project; the CLI is an application, not a library.",
      from: { path: "^actions/" },
      to: { path: "^packages/cli/" },
    },
    {
      name: "packages-never-import-actions",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^actions/" },
    },
    {
      name: "libraries-never-import-cli",
      severity: "error",
      from: { path: "^packages/(?!cli/)" },
      to: { path: "^packages/cli/" },
    },
    {
      name: "no-actions-toolkit-outside-actions",
      severity: "error",
      comment: "The GitHub runner protocol (@actions/core) belongs to the actions and their kit, never to the shared packages.",
      from: { path: "^packages/(?!action-kit/)" },
      to: { path: "node_modules/@actions/" },
    },
    {
      name: "no-action-imports-another-action",
      severity: "error",
      from: { path: "^actions/([^/]+)/" },
      to: { path: "^actions/", pathNot: "^actions/$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      conditionNames: ["import", "node", "default"],
      extensions: [".js", ".mjs", ".json"],
    },
  },
};
