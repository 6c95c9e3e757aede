import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inWorkspace } from "./workspace.js";

const scratch = mkdtempSync(join(tmpdir(), "action-kit-workspace-"));
const workspace = join(scratch, "repo");
const outside = join(scratch, "outside");
mkdirSync(join(workspace, "infra"), { recursive: true });
mkdirSync(outside);
writeFileSync(join(workspace, "infra", "task.yaml"), "family: web\n");
writeFileSync(join(outside, "secret.yaml"), "password: hunter2\n");
symlinkSync(join(outside, "secret.yaml"), join(workspace, "infra", "link.yaml"));
symlinkSync(outside, join(workspace, "out"));
symlinkSync(join(workspace, "infra", "task.yaml"), join(workspace, "inside-link.yaml"));

describe("inWorkspace", () => {
  it.each([
    ["infra/task.yaml", "infra/task.yaml"],
    ["./infra/../infra/task.yaml", "infra/task.yaml"],
    ["inside-link.yaml", "infra/task.yaml"],
    ["infra/not-yet.json", "infra/not-yet.json"],
  ])("takes %s", (value, shown) => {
    expect(inWorkspace(value, workspace).shownPath).toBe(shown);
  });

  it("takes an absolute path inside the workspace", () => {
    expect(inWorkspace(join(workspace, "infra", "task.yaml"), workspace).shownPath).toBe("infra/task.yaml");
  });

  it.each([
    ["../outside/secret.yaml", "is outside"],
    ["../../../../etc/passwd", "is outside"],
    ["/etc/passwd", "is outside"],
    ["infra/link.yaml", "leads (through a symbolic link) outside"],
    ["out/secret.yaml", "leads (through a symbolic link) outside"],
  ])("refuses %s, quoting only the path given", (value, how) => {
    expect(() => inWorkspace(value, workspace)).toThrow(
      `${JSON.stringify(value)} ${how} the workspace (GITHUB_WORKSPACE): give a path inside the repository checkout`,
    );
    try {
      inWorkspace(value, workspace);
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});
