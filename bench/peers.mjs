// The three linters compared: how to install the peers (a Python virtual environment under
// bench/.cache), how to run each on a list of files, and how to read each one's JSON into the
// same shape: { tool, id, resource, file, detail }.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const venvDir = `${repoRoot}bench/.cache/venv`;
const venvBin = `${venvDir}/bin`;

/** Pinned so that runs compare; both are the newest releases on PyPI when this was written. */
export const peerPins = { "cfn-lint": "1.58.0", checkov: "3.3.30" };

const versionProbes = {
  "cfn-lint": () => versionOf(`${venvBin}/cfn-lint`, ["--version"], /cfn-lint (\S+)/),
  checkov: () => versionOf(`${venvBin}/checkov`, ["--version"], /^(\d\S*)/m),
};

/** The installed version of a peer, asked once (`checkov --version` alone takes seconds). */
const knownVersions = new Map();
function installedVersion(name, { fresh = false } = {}) {
  if (fresh || !knownVersions.has(name)) knownVersions.set(name, versionProbes[name]());
  return knownVersions.get(name);
}

function versionOf(binary, args, pattern) {
  if (!existsSync(binary)) return undefined;
  const result = spawnSync(binary, args, { encoding: "utf8", env: peerEnv() });
  return `${result.stdout}${result.stderr}`.match(pattern)?.[1];
}

/** The peers run offline: checkov would otherwise try to download its guidelines from its platform. */
export function peerEnv() {
  return { ...process.env, BC_SKIP_MAPPING: "TRUE", ANSI_COLORS_DISABLED: "1", NO_COLOR: "1" };
}

/**
 * Creates bench/.cache/venv when missing and pip-installs the pinned peers that are missing or at
 * another version. Returns { available: { "cfn-lint": version|undefined, checkov: ... } }.
 */
export function ensurePeers() {
  const missing = Object.keys(peerPins).filter((name) => installedVersion(name) !== peerPins[name]);
  if (missing.length > 0) {
    const python = ["python3", "python"].find((name) => spawnSync(name, ["--version"]).status === 0);
    if (!python) console.log("bench: no python3 on PATH: cfn-lint and checkov are skipped");
    else {
      if (!existsSync(`${venvBin}/pip`)) {
        console.log(`bench: creating the virtual environment ${venvDir}`);
        spawnSync(python, ["-m", "venv", venvDir], { stdio: "inherit" });
      }
      const requirements = missing.map((name) => `${name}==${peerPins[name]}`);
      console.log(
        `bench: pip install ${requirements.join(" ")} (into bench/.cache/venv; takes a minute or two the first time)`,
      );
      spawnSync(`${venvBin}/pip`, ["install", "--quiet", "--disable-pip-version-check", ...requirements], {
        stdio: "inherit",
      });
    }
  }
  const available = Object.fromEntries(
    Object.keys(peerPins).map((name) => [name, installedVersion(name, { fresh: missing.includes(name) })]),
  );
  for (const [name, version] of Object.entries(available))
    if (!version) console.log(`bench: ${name} is not available: its rows are left out`);
  return { available };
}

// ---- running ----------------------------------------------------------------------------------

export const shipshapeCli = `${repoRoot}packages/cli/bin/shipshape.js`;

/** Builds the CLI and what it depends on (not the actions: their bundles are measured as they are). */
export function buildLinter() {
  const result = spawnSync(
    "npx",
    ["turbo", "run", "build", "--filter=@shipshape/cli...", "--output-logs=errors-only"],
    { cwd: repoRoot, stdio: "inherit" },
  );
  if (result.status !== 0)
    throw new Error("bench: `turbo run build --filter=@shipshape/cli...` failed: the linter cannot be measured");
}

/** [command, args] for each tool over a list of files, JSON on stdout. */
export const toolCommands = {
  shipshape: (files) => [process.execPath, [shipshapeCli, "lint", ...files, "--format", "json"]],
  "cfn-lint": (files) => [`${venvBin}/cfn-lint`, ["--format", "json", ...files]],
  // --skip-download keeps checkov offline (no guideline download from its platform).
  checkov: (files) => [
    `${venvBin}/checkov`,
    [
      ...files.flatMap((file) => ["-f", file]),
      "--framework",
      "cloudformation",
      "-o",
      "json",
      "--quiet",
      "--skip-download",
    ],
  ],
};

export const toolNames = Object.keys(toolCommands);

export function toolVersion(tool) {
  if (tool === "shipshape") {
    const result = spawnSync(process.execPath, [shipshapeCli, "--version"], { encoding: "utf8" });
    return result.stdout.trim().split(/\s+/).at(-1) || "?";
  }
  return installedVersion(tool);
}

// ---- reading findings -------------------------------------------------------------------------

/** Reads one tool's stdout into [{ tool, id, resource, file, detail }]; throws when it is not JSON. */
export function parseFindings(tool, stdout) {
  const text = stdout.trim();
  if (tool === "checkov" && text === "") return []; // --quiet prints nothing when nothing failed
  const data = JSON.parse(text);
  return readers[tool](data);
}

const readers = {
  shipshape: (data) =>
    data.findings.map((finding) => ({
      tool: "shipshape",
      id: finding.ruleId,
      resource: finding.resource,
      file: finding.file,
      detail: `${finding.path ?? ""} ${finding.message}`,
    })),
  "cfn-lint": (data) =>
    data.map((match) => {
      const path = match.Location?.Path ?? [];
      return {
        tool: "cfn-lint",
        id: match.Rule.Id,
        resource: path[0] === "Resources" ? String(path[1]) : undefined,
        file: match.Filename,
        detail: `${path.join(".")} ${match.Message}`,
      };
    }),
  checkov: (data) =>
    (Array.isArray(data) ? data : [data]).flatMap((report) =>
      (report.results?.failed_checks ?? []).map((check) => ({
        tool: "checkov",
        id: check.check_id,
        // "AWS::ECS::TaskDefinition.LogicalId": logical ids have no dots.
        resource: String(check.resource).split(".").at(-1),
        file: check.file_abs_path ?? check.file_path,
        detail: check.check_name,
      })),
    ),
};
